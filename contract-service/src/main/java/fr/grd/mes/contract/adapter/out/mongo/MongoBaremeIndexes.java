package fr.grd.mes.contract.adapter.out.mongo;

import fr.grd.mes.contract.application.BaremeIndexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The barème index in {@code bareme_index}: one document per month, the value as an exact decimal string. */
@Repository
public class MongoBaremeIndexes implements BaremeIndexes {
    static final String COLLECTION = "bareme_index";

    private final MongoTemplate mongo;

    public MongoBaremeIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void put(YearMonth month, BigDecimal value) {
        mongo.save(new Document("_id", month.toString()).append("value", value.toPlainString()), COLLECTION);
    }

    @Override
    public Optional<BigDecimal> of(YearMonth month) {
        return Optional.ofNullable(mongo.findById(month.toString(), Document.class, COLLECTION))
                .map(d -> new BigDecimal(d.getString("value")));
    }

    @Override
    public Map<String, BigDecimal> all() {
        Map<String, BigDecimal> indexes = new TreeMap<>();
        mongo.findAll(Document.class, COLLECTION)
                .forEach(d -> indexes.put(d.getString("_id"), new BigDecimal(d.getString("value"))));
        return indexes;
    }
}
