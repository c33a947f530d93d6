package fr.grd.mes.support.config;

import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.kafka.DeadLetters;
import fr.grd.mes.support.kafka.TopicProvisioner;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.StoreHealthIndicator;
import fr.grd.mes.support.outbox.OutboxRelay;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.projection.DeliveryPointProjection;
import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ClockController;
import fr.grd.mes.support.time.ControllableClock;
import fr.grd.mes.support.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import io.micrometer.core.instrument.config.MeterFilter;

import java.time.Clock;

/**
 * The plumbing every service gets by depending on this module: the shared clock, the business calendar,
 * the embedded outbox and its relay, dead letters, problem+json errors, store readiness and, where asked
 * for, the local projection of the delivery-point referential.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class,
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableConfigurationProperties(MesProperties.class)
@org.springframework.context.annotation.Import(fr.grd.mes.support.security.MesSecurityConfiguration.class)
public class MesSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ControllableClock.class)
    ControllableClock clock(MesProperties properties) {
        MesProperties.Clock clock = properties.clock();
        if (clock.simulation()) {
            return ControllableClock.simulation(clock.start() != null ? clock.start() : java.time.Instant.now(),
                    clock.speed() != null ? clock.speed() : 1.0);
        }
        return ControllableClock.realTime();
    }

    @Bean
    BusinessCalendar businessCalendar() {
        return new BusinessCalendar();
    }

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer moneyAsDecimalStrings() {
        return builder -> {
            builder.addModule(EventJson.moneyAsDecimalStrings());
            builder.addModule(new fr.grd.mes.support.text.EdgeInputModule());
        };
    }

    @Bean
    OutboxWriter outboxWriter(EventJson json, Clock clock) {
        return new OutboxWriter(json, clock);
    }

    /** The service's event publisher: its routing table ({@code adapter.out.kafka}) over the outbox writer. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(fr.grd.mes.support.outbox.EventRoutes.class)
    fr.grd.mes.support.port.EventPublisher eventPublisher(OutboxWriter outbox,
                                                          fr.grd.mes.support.outbox.EventRoutes routes) {
        return new fr.grd.mes.support.outbox.RoutedEventPublisher(outbox, routes);
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config ->
                config.bigDecimal(MongoCustomConversions.BigDecimalRepresentation.STRING));
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaAdmin admin, MesProperties properties) {
        return new TopicProvisioner(admin, properties.kafka().partitions(), properties.kafka().replicas());
    }

    @Bean
    KafkaAdmin.NewTopics internalTopics(TopicProvisioner topics) {
        return new KafkaAdmin.NewTopics(Topics.INTERNAL.stream().map(topics::describe)
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /** The simulation clock's broadcast topic, only where the clock can be moved (never in production). */
    @Bean
    @ConditionalOnExpression("${mes.clock.control:false} or '${mes.clock.mode:real}' == 'simulation'")
    KafkaAdmin.NewTopics simulationTopics(TopicProvisioner topics) {
        return new KafkaAdmin.NewTopics(topics.describe(Topics.SIMULATION_CLOCK));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                            MesProperties properties,
                            org.springframework.beans.factory.ObjectProvider<fr.grd.mes.support.outbox.OutboxObserver> observers) {
        return new OutboxRelay(mongo, kafka, topics, properties.outbox().relaySettings(),
                observers.orderedStream().toList());
    }

    /** Published events by type and flow; a service adds its business counters with its own subclass. */
    @Bean
    @ConditionalOnMissingBean(fr.grd.mes.support.metrics.PublishedEvents.class)
    fr.grd.mes.support.metrics.PublishedEvents publishedEvents(io.micrometer.core.instrument.MeterRegistry registry,
                                                               EventJson json) {
        return new fr.grd.mes.support.metrics.PublishedEvents(registry, json);
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay,
                                  org.springframework.core.env.Environment environment) {
        return new AggregateStore(mongo, relay, environment.matchesProfiles(AggregateStore.EMBEDDED_STORE_PROFILE));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                                          MesProperties properties, io.micrometer.core.instrument.MeterRegistry metrics) {
        return DeadLetters.errorHandler(kafka, topics, properties.kafka().maxAttempts(), metrics);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(io.micrometer.core.instrument.MeterRegistry metrics) {
        return new ProblemDetailsAdvice(metrics);
    }

    @Bean
    fr.grd.mes.support.web.ProblemErrorController problemErrorController(ProblemDetailsAdvice problems) {
        return new fr.grd.mes.support.web.ProblemErrorController(problems);
    }

    @Bean
    fr.grd.mes.support.web.ContractsController contractsController() {
        return new fr.grd.mes.support.web.ContractsController();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(fr.grd.mes.support.flowfile.FlowContent.class)
    fr.grd.mes.support.flowfile.FlowFileExporter flowFileExporter(MongoTemplate mongo,
            java.util.List<fr.grd.mes.support.flowfile.FlowContent> contents, Clock clock,
            @Value("${mes.files.issuer:17X100A100A0001A}") String issuer,
            @Value("${mes.files.regional-direction:0321}") String regionalDirection,
            @Value("${mes.files.max-records-per-file:1000}") int maxRecordsPerFile,
            org.springframework.beans.factory.ObjectProvider<fr.grd.mes.support.flowfile.SupplierIdentity> identity,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        fr.grd.mes.support.flowfile.FlowHolds holds = new fr.grd.mes.support.flowfile.FlowHolds(mongo);
        for (fr.grd.mes.support.flowfile.FlowContent content : contents) {
            io.micrometer.core.instrument.Gauge.builder("mes.flow.records.held",
                            () -> holds.count(content.flow(), fr.grd.mes.support.flowfile.FlowHolds.Status.HELD))
                    .description("Records set aside from suppliers' flow files, waiting for an operator")
                    .tag("flow", content.flow()).register(metrics);
        }
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(fr.grd.mes.support.flowfile.FlowFileExporter.class);
        return new fr.grd.mes.support.flowfile.FlowFileExporter(mongo, contents, clock, issuer,
                identity.getObject(), regionalDirection,
                maxRecordsPerFile, holds, flow -> {
            metrics.counter("mes.flow.records.set.aside", "flow", flow).increment();
            log.warn("a {} record could not be written into a flow file and is held for an operator", flow);
        }, (flow, supplier) -> {
            metrics.counter("mes.flow.exports.unregistered", "flow", flow).increment();
            log.warn("the daily {} file of {} waits: the supplier is not in the supplier registry", flow, supplier);
        });
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(fr.grd.mes.support.flowfile.FlowContent.class)
    fr.grd.mes.support.flowfile.FlowHoldController flowHoldController(
            fr.grd.mes.support.flowfile.FlowFileExporter exporter, Clock clock) {
        return new fr.grd.mes.support.flowfile.FlowHoldController(exporter, clock);
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(fr.grd.mes.support.flowfile.FlowContent.class)
    fr.grd.mes.support.flowfile.FlowFileController flowFileController(
            fr.grd.mes.support.flowfile.FlowFileExporter exporter, Clock clock) {
        return new fr.grd.mes.support.flowfile.FlowFileController(exporter, clock);
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(fr.grd.mes.support.flowfile.FlowContent.class)
    fr.grd.mes.support.flowfile.FlowFileJob flowFileJob(fr.grd.mes.support.flowfile.FlowFileExporter exporter,
                                                        MongoTemplate mongo, Clock clock) {
        return new fr.grd.mes.support.flowfile.FlowFileJob(exporter, mongo, clock);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<fr.grd.mes.support.web.RequestLimits> requestLimits(
            @Value("${mes.limits.max-body-bytes:65536}") long maxBody,
            @Value("${mes.limits.max-picture-bytes:4194304}") long maxPicture,
            @Value("${mes.limits.supplier-requests-per-second:50}") int supplierRate,
            @Value("${mes.limits.distributor-requests-per-second:2000}") int distributorRate) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new fr.grd.mes.support.web.RequestLimits(maxBody, maxPicture, supplierRate,
                        distributorRate));
        registration.setOrder(0);
        return registration;
    }

    @Bean("store")
    StoreHealthIndicator storeHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnExpression("${mes.clock.control:false} or '${mes.clock.mode:real}' == 'simulation'")
    ClockController clockController(ControllableClock clock, KafkaTemplate<String, String> kafka,
                                    TopicProvisioner topics, EventJson json,
                                    @Value("${spring.application.name}") String serviceName) {
        return new ClockController(clock, kafka, topics, json, serviceName);
    }

    @Bean
    @ConditionalOnExpression("${mes.projections.suppliers:false}")
    fr.grd.mes.support.projection.SupplierProjection supplierProjection(MongoTemplate mongo, EventJson json) {
        return new fr.grd.mes.support.projection.SupplierProjection(mongo, json);
    }

    @Bean
    @ConditionalOnExpression("${mes.projections.delivery-points:false}")
    DeliveryPointProjection deliveryPointProjection(MongoTemplate mongo, EventJson json) {
        return new DeliveryPointProjection(mongo, json);
    }

    @Bean
    MeterFilter commonTags(@Value("${spring.application.name}") String service, @Value("${mes.env:local}") String env) {
        return MeterFilter.commonTags(java.util.List.of(io.micrometer.core.instrument.Tag.of("service", service),
                io.micrometer.core.instrument.Tag.of("env", env)));
    }
}
