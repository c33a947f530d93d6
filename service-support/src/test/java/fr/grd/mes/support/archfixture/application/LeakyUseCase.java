package fr.grd.mes.support.archfixture.application;

import org.springframework.data.mongodb.core.MongoTemplate;

/** A deliberately broken use case: it reaches the store directly instead of through a port. */
public class LeakyUseCase {
    private final MongoTemplate mongo;

    public LeakyUseCase(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long count() {
        return mongo.getCollectionNames().size();
    }
}
