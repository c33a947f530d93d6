package fr.grd.mes.billing.adapter.out.mongo;

import fr.grd.mes.billing.application.CatalogueVersions;
import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.support.port.AlreadyStored;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Catalogue versions in {@code catalogue_versions}, keyed by their effective date. */
@Repository
public class MongoCatalogueVersions implements CatalogueVersions {
    static final String COLLECTION = "catalogue_versions";

    private final MongoTemplate mongo;

    public MongoCatalogueVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean isEmpty() {
        return !mongo.exists(new Query(), COLLECTION);
    }

    @Override
    public void add(CatalogueVersion version) {
        try {
            mongo.insert(version, COLLECTION);
        } catch (DuplicateKeyException duplicate) {
            throw new AlreadyStored("catalogue version " + version.id() + " exists", duplicate);
        }
    }

    @Override
    public List<CatalogueVersion> all() {
        return mongo.find(new Query().with(Sort.by("effectiveFrom")), CatalogueVersion.class, COLLECTION);
    }
}
