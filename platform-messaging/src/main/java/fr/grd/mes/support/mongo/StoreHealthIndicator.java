package fr.grd.mes.support.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness of the document store by a plain {@code ping}: Boot's own Mongo indicator sends {@code hello},
 * which the embedded MongoDB-wire store does not implement (DESIGN §9).
 */
public class StoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoTemplate mongo;

    public StoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", reply.get("ok"));
    }
}
