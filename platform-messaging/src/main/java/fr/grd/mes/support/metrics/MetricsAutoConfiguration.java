package fr.grd.mes.support.metrics;

import fr.grd.mes.support.json.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** Every meter tagged with its service and environment; published events counted by type and flow. */
@AutoConfiguration
public class MetricsAutoConfiguration {

    /** Published events by type and flow; a service adds its business counters with its own subclass. */
    @Bean
    @ConditionalOnMissingBean(PublishedEvents.class)
    PublishedEvents publishedEvents(MeterRegistry registry, EventJson json) {
        return new PublishedEvents(registry, json);
    }

    @Bean
    MeterFilter commonTags(@Value("${spring.application.name}") String service, @Value("${mes.env:local}") String env) {
        return MeterFilter.commonTags(List.of(Tag.of("service", service), Tag.of("env", env)));
    }
}
