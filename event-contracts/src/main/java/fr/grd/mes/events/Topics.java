package fr.grd.mes.events;

import java.util.List;

/**
 * Every topic, its key and its single writer (DESIGN §2). Supplier-facing flows are one topic per supplier
 * so that a prefixed ACL {@code supplier.<supplierId>.} gives a supplier exactly its own flows.
 */
public final class Topics {
    /** Writer: request-service. Key: caseId. RequestCreated, ExpressEscalated, CaseClosed. */
    public static final String REQUESTS = "mes.requests";
    /** Writer: scheduling-service. Key: caseId. AppointmentBooked, AppointmentAdvanced, AppointmentMaintained. */
    public static final String APPOINTMENTS = "mes.appointments";
    /** Writer: scheduling-service. Key: caseId. InterventionCompleted, ClientAbsent. */
    public static final String INTERVENTIONS = "mes.interventions";
    /** Writer: contract-service. Key: PdL. Compacted: the latest DeliveryPointChanged per PdL. */
    public static final String DELIVERY_POINTS = "ref.delivery-points";
    /** The supplier registry, latest registration per supplier (compacted). */
    public static final String SUPPLIERS = "ref.suppliers";
    /** Writer: billing-service. Key: catalogue version id. Compacted: every version of the price catalogue. */
    public static final String CATALOGUE = "ref.catalogue";

    /**
     * Simulation control only (never in production): ClockAdvanced, written by whichever service received the
     * operator's command, read by every service instance. The one exception to "one writer per topic".
     */
    public static final String SIMULATION_CLOCK = "sim.clock";

    /**
     * Ingress. Writer: the SGE portal (outside this system). Key: the portal's request id. Value: the same JSON
     * as {@code POST /api/v1/requests}, with a mandatory {@code portalRequestId}; not an envelope.
     */
    public static final String SGE_REQUESTS = "sge.requests";
    /** Writer: request-service. Key: the portal's request id. RequestRejected with the original record. */
    public static final String SGE_REQUESTS_REJECTED = "sge.requests.rejected";

    /** Writer: contract-service. Key: amendment id. The "Avenant L. 342-2" lifecycle. */
    public static final String AMENDMENTS = "contract.amendments";

    public static final List<String> INTERNAL = List.of(REQUESTS, APPOINTMENTS, INTERVENTIONS, DELIVERY_POINTS, SUPPLIERS,
            CATALOGUE, SGE_REQUESTS, SGE_REQUESTS_REJECTED, AMENDMENTS);

    private Topics() {
    }

    /** Case-tracking flow (X12 model). Writer: request-service. Key: caseId. */
    public static String tracking(String supplierId) {
        return "supplier." + supplierId + ".tracking";
    }

    /** Contractual flow (C15 model). Writer: contract-service. Key: PdL. */
    public static String contractual(String supplierId) {
        return "supplier." + supplierId + ".contractual";
    }

    /** Billing flow (F15 model). Writer: billing-service. Key: caseId. */
    public static String billing(String supplierId) {
        return "supplier." + supplierId + ".billing";
    }

    /** Summary sheets ("fiches de synthèse") of advanced express cases. Writer: request-service. Key: caseId. */
    public static String summary(String supplierId) {
        return "supplier." + supplierId + ".summary";
    }

    public static List<String> ofSupplier(String supplierId) {
        return List.of(tracking(supplierId), contractual(supplierId), billing(supplierId), summary(supplierId));
    }

    /** Dead letters of a consumed topic: the original record with the exception in headers. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
