package fr.grd.mes.billing.adapter.out.kafka;

import fr.grd.mes.billing.application.CataloguePublication;
import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.Prestation;
import fr.grd.mes.events.CatalogueVersionPublished;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.kafka.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tells a catalogue version on the compacted {@code ref.catalogue}, keyed by its id. A version that could not be told
 * now is told by the next pass ({@link fr.grd.mes.billing.adapter.in.schedule.CatalogueRepublishJob}).
 */
@Component
public class KafkaCataloguePublication implements CataloguePublication {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCataloguePublication.class);

    private final KafkaTemplate<String, String> kafka;
    private final TopicProvisioner topics;
    private final EventJson json;
    private final Clock clock;

    public KafkaCataloguePublication(KafkaTemplate<String, String> kafka, TopicProvisioner topics, EventJson json,
                                     Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void publish(CatalogueVersion version) {
        List<CatalogueVersionPublished.ChartCode> chartCodes = version.chartCodes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new CatalogueVersionPublished.ChartCode(e.getKey().name(), e.getValue())).toList();
        CatalogueVersionPublished published = new CatalogueVersionPublished(version.id(), version.effectiveFrom(),
                version.prestations().stream().map(Prestation::code).toList(), chartCodes);
        try {
            topics.ensure(Topics.CATALOGUE);
            kafka.send(Topics.CATALOGUE, version.id(), json.write(EventEnvelope.of(
                    EventTypes.CATALOGUE_VERSION_PUBLISHED, version.id(), version.id(), null, clock.instant(),
                    published))).get(10, TimeUnit.SECONDS);
        } catch (Exception notNow) {
            if (notNow instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("catalogue version {} not told on {} now; the next pass tells it: {}", version.id(),
                    Topics.CATALOGUE, notNow.toString());
        }
    }
}
