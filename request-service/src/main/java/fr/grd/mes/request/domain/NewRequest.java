package fr.grd.mes.request.domain;

import fr.grd.mes.events.Slot;
import fr.grd.mes.events.Version;

import java.time.LocalDate;
import java.util.List;

/**
 * A supplier's request as submitted, once its fields are well-formed. {@code portalRequestId} is the SGE
 * portal's own id of the request, when it gave one: the same id never makes two cases. {@code holdId} names the place
 * of the charge table the supplier held for it (coupled booking), if it did; {@code renewalOf}, the case closed
 * with the client absent (CPNR) that this request renews, if it does.
 */
public record NewRequest(String pdl, String supplierId, Version version, Client client, LocalDate requestedDate,
                         Slot requestedSlot, List<String> additionalServices, String externalReference,
                         String portalRequestId, String holdId, String renewalOf) {
}
