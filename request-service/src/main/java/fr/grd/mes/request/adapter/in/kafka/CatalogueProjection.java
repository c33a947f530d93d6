package fr.grd.mes.request.adapter.in.kafka;

import fr.grd.mes.events.CatalogueVersionPublished;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.Topics;
import fr.grd.mes.request.application.KnownCatalogue;
import fr.grd.mes.request.domain.CatalogueCodes;
import fr.grd.mes.support.json.EventJson;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The catalogue versions billing tells on {@code ref.catalogue}, kept in {@code known_catalogue_versions} (one
 * document per version id; a version told again replaces itself with the same content).
 */
@Component
public class CatalogueProjection implements KnownCatalogue {
    static final String COLLECTION = "known_catalogue_versions";

    private final MongoTemplate mongo;
    private final EventJson json;

    public CatalogueProjection(MongoTemplate mongo, EventJson json) {
        this.mongo = mongo;
        this.json = json;
    }

    @KafkaListener(topics = Topics.CATALOGUE, groupId = "${spring.application.name}.catalogue",
            properties = "auto.offset.reset=earliest")
    public void on(String value) {
        EventEnvelope<Object> envelope = json.read(value);
        if (envelope.payload() instanceof CatalogueVersionPublished published) {
            apply(published);
        }
    }

    public void apply(CatalogueVersionPublished published) {
        mongo.save(new Document("_id", published.versionId())
                .append("effectiveFrom", published.effectiveFrom().toString())
                .append("priced", List.copyOf(published.pricedCodes()))
                .append("chartCodes", published.chartCodes().stream().map(CatalogueVersionPublished.ChartCode::code)
                        .distinct().toList()), COLLECTION);
    }

    @Override
    public List<CatalogueCodes> versions() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(doc -> new CatalogueCodes(doc.getString("_id"),
                LocalDate.parse(doc.getString("effectiveFrom")), Set.copyOf(doc.getList("priced", String.class)),
                Set.copyOf(doc.getList("chartCodes", String.class)))).toList();
    }
}
