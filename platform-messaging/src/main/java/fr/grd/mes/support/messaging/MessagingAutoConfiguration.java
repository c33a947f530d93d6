package fr.grd.mes.support.messaging;

import fr.grd.mes.events.Topics;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.kafka.DeadLetters;
import fr.grd.mes.support.kafka.TopicProvisioner;
import fr.grd.mes.support.mongo.AggregateStore;
import fr.grd.mes.support.mongo.StoreHealthIndicator;
import fr.grd.mes.support.outbox.EventRoutes;
import fr.grd.mes.support.outbox.OutboxObserver;
import fr.grd.mes.support.outbox.OutboxRelay;
import fr.grd.mes.support.outbox.OutboxWriter;
import fr.grd.mes.support.outbox.RoutedEventPublisher;
import fr.grd.mes.support.port.EventPublisher;
import fr.grd.mes.support.projection.DeliveryPointProjection;
import fr.grd.mes.support.projection.SupplierProjection;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Clock;

/**
 * Events in and out of a service with its state (DESIGN §3): the outbox writer and the publisher over the service's
 * routing table, the aggregate store that writes state, outbox and inbox in one update, the relay, the topics this
 * service creates, dead letters, the store's readiness, and the local projections a service asks for.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventJson.class)
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    OutboxWriter outboxWriter(EventJson json, Clock clock) {
        return new OutboxWriter(json, clock);
    }

    /** The service's event publisher: its routing table ({@code adapter.out.kafka}) over the outbox writer. */
    @Bean
    @ConditionalOnBean(EventRoutes.class)
    EventPublisher eventPublisher(OutboxWriter outbox, EventRoutes routes) {
        return new RoutedEventPublisher(outbox, routes);
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config ->
                config.bigDecimal(MongoCustomConversions.BigDecimalRepresentation.STRING));
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaAdmin admin, MessagingProperties properties) {
        return new TopicProvisioner(admin, properties.kafka().partitions(), properties.kafka().replicas());
    }

    @Bean
    KafkaAdmin.NewTopics internalTopics(TopicProvisioner topics) {
        return new KafkaAdmin.NewTopics(Topics.INTERNAL.stream().map(topics::describe).toArray(NewTopic[]::new));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                            MessagingProperties properties, ObjectProvider<OutboxObserver> observers) {
        return new OutboxRelay(mongo, kafka, topics, properties.outbox().relaySettings(),
                observers.orderedStream().toList());
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay, Environment environment) {
        return new AggregateStore(mongo, relay, environment.matchesProfiles(AggregateStore.EMBEDDED_STORE_PROFILE));
    }

    @Bean
    fr.grd.mes.support.batch.RecordBatches recordBatches(AggregateStore store) {
        return new fr.grd.mes.support.batch.RecordBatches(store);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, TopicProvisioner topics,
                                          MessagingProperties properties, MeterRegistry metrics) {
        return DeadLetters.errorHandler(kafka, topics, properties.kafka().maxAttempts(), metrics);
    }

    @Bean("store")
    StoreHealthIndicator storeHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnExpression("${mes.projections.suppliers:false}")
    SupplierProjection supplierProjection(MongoTemplate mongo, EventJson json) {
        return new SupplierProjection(mongo, json);
    }

    @Bean
    @ConditionalOnExpression("${mes.projections.delivery-points:false}")
    DeliveryPointProjection deliveryPointProjection(MongoTemplate mongo, EventJson json) {
        return new DeliveryPointProjection(mongo, json);
    }
}
