package fr.grd.mes.billing.application;

import fr.grd.mes.billing.domain.CatalogueVersion;
import fr.grd.mes.billing.domain.Prestation;
import fr.grd.mes.billing.domain.ChartRole;
import fr.grd.mes.support.outcome.Conflict;
import fr.grd.mes.support.port.AlreadyStored;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dated versions of the price catalogue. A version is never edited: a new price is a new version with its
 * effective date, so a bill can always be re-derived from the version that priced it. An empty catalogue is
 * seeded with a first version (demo prices: 20 € HT forfait, 25 € HT express supplement, so 45 € HT for an
 * advanced express intervention, as the seed states).
 */
@Service
public class Catalogue {
    private static final BigDecimal VAT = new BigDecimal("20.00");

    private final CatalogueVersions store;
    private final CataloguePublication publication;

    public Catalogue(CatalogueVersions store, CataloguePublication publication) {
        this.store = store;
        this.publication = publication;
    }

    /**
     * The demo catalogue's codes for the roles the public catalogue gives no code (F120B is the public code of the
     * mise en service on an existing installation); a deployment publishes its own with POST /api/v1/catalogue.
     */
    static final String DEMO_EXPRESS_SUPPLEMENT = "F120X";
    static final String DEMO_WASTED_TRIP = "DEPL-VAIN";

    public static CatalogueVersion initialVersion() {
        return new CatalogueVersion("2026-01-01", LocalDate.of(2026, 1, 1), List.of(
                new Prestation("F120B",
                        "Mise en service sur installation existante avec déplacement - forfait accès à l'électricité",
                        new BigDecimal("20.00"), VAT),
                new Prestation(DEMO_EXPRESS_SUPPLEMENT, "Supplément version express", new BigDecimal("25.00"), VAT),
                new Prestation(DEMO_WASTED_TRIP, "Frais de déplacement vain", new BigDecimal("30.00"), VAT),
                new Prestation("RELEVE-SPE", "Relevé spécial d'index", new BigDecimal("18.52"), VAT),
                new Prestation("VERIF-CPT", "Vérification du fonctionnement du compteur", new BigDecimal("35.57"), VAT)),
                java.util.Map.of(ChartRole.ACCESS_FORFAIT, "F120B", ChartRole.EXPRESS_SUPPLEMENT, DEMO_EXPRESS_SUPPLEMENT,
                        ChartRole.WASTED_TRIP, DEMO_WASTED_TRIP));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedIfEmpty() {
        if (store.isEmpty()) {
            try {
                store.add(initialVersion());
            } catch (AlreadyStored alreadySeeded) {
                // another instance seeded it
            }
        }
        publishAll();
    }

    /** Tells every version again (harmless: versions never change); repairs one stored but never told. */
    public void publishAll() {
        store.all().forEach(publication::publish);
    }

    public List<CatalogueVersion> versions() {
        return store.all();
    }

    public Optional<CatalogueVersion> inForceOn(LocalDate date) {
        return CatalogueVersion.inForceOn(date, versions());
    }

    public CatalogueVersion add(CatalogueVersion version) {
        try {
            store.add(version);
            publication.publish(version);
            return version;
        } catch (AlreadyStored e) {
            throw new Conflict("a catalogue version effective from " + version.effectiveFrom()
                    + " already exists; versions are never edited, add one with another date");
        }
    }
}
