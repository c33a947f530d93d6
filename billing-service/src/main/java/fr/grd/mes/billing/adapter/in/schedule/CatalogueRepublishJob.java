package fr.grd.mes.billing.adapter.in.schedule;

import fr.grd.mes.billing.application.Catalogue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells every catalogue version again every period: one stored but not told (a crash, the broker away) is repaired. */
@Component
public class CatalogueRepublishJob {
    private final Catalogue catalogue;

    public CatalogueRepublishJob(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Scheduled(fixedDelayString = "${mes.billing.catalogue-republish-period:PT10M}",
            initialDelayString = "${mes.billing.catalogue-republish-period:PT10M}")
    public void run() {
        catalogue.publishAll();
    }
}
