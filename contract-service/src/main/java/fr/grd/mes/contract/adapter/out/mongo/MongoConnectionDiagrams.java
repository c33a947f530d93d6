package fr.grd.mes.contract.adapter.out.mongo;

import fr.grd.mes.contract.application.ConnectionDiagrams;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Annexe 2 pictures in {@code amendment_diagrams}, one document per SHA-256 (the {@code _id}), the bytes as binary. */
@Repository
public class MongoConnectionDiagrams implements ConnectionDiagrams {
    static final String COLLECTION = "amendment_diagrams";

    private final MongoTemplate mongo;

    public MongoConnectionDiagrams(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void store(String sha256, String contentType, byte[] bytes) {
        mongo.save(new Document("_id", sha256).append("contentType", contentType).append("bytes", new Binary(bytes)),
                COLLECTION);
    }

    @Override
    public Optional<byte[]> find(String sha256) {
        return Optional.ofNullable(mongo.findById(sha256, Document.class, COLLECTION))
                .map(d -> d.get("bytes", Binary.class).getData());
    }
}
