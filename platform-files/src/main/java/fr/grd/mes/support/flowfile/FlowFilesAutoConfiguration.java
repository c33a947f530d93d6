package fr.grd.mes.support.flowfile;

import fr.grd.mes.support.port.SupplierIdentity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;

/**
 * The suppliers' SGE flow files of a service that has a {@link FlowContent} (F15, C15, X12): the exporter (names,
 * split, sequence, held records), its daily job and its endpoints.
 */
@AutoConfiguration
@ConditionalOnBean(FlowContent.class)
public class FlowFilesAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(FlowFileExporter.class);

    @Bean
    FlowFileExporter flowFileExporter(MongoTemplate mongo, List<FlowContent> contents, Clock clock,
                                      @Value("${mes.files.issuer:17X100A100A0001A}") String issuer,
                                      @Value("${mes.files.regional-direction:0321}") String regionalDirection,
                                      @Value("${mes.files.max-records-per-file:1000}") int maxRecordsPerFile,
                                      ObjectProvider<SupplierIdentity> identity, MeterRegistry metrics) {
        FlowHolds holds = new FlowHolds(mongo);
        for (FlowContent content : contents) {
            Gauge.builder("mes.flow.records.held", () -> holds.count(content.flow(), FlowHolds.Status.HELD))
                    .description("Records set aside from suppliers' flow files, waiting for an operator")
                    .tag("flow", content.flow()).register(metrics);
        }
        return new FlowFileExporter(mongo, contents, clock, issuer, identity.getObject(), regionalDirection,
                maxRecordsPerFile, holds, flow -> {
            metrics.counter("mes.flow.records.set.aside", "flow", flow).increment();
            LOG.warn("a {} record could not be written into a flow file and is held for an operator", flow);
        }, (flow, supplier) -> {
            metrics.counter("mes.flow.exports.unregistered", "flow", flow).increment();
            LOG.warn("the daily {} file of {} waits: the supplier is not in the supplier registry", flow, supplier);
        });
    }

    @Bean
    FlowHoldController flowHoldController(FlowFileExporter exporter, Clock clock) {
        return new FlowHoldController(exporter, clock);
    }

    @Bean
    FlowFileController flowFileController(FlowFileExporter exporter, Clock clock) {
        return new FlowFileController(exporter, clock);
    }

    @Bean
    FlowFileJob flowFileJob(FlowFileExporter exporter, MongoTemplate mongo, Clock clock) {
        return new FlowFileJob(exporter, mongo, clock);
    }
}
