package fr.grd.mes.events;

import java.util.Map;

/**
 * The catalogue of logical event types: name → payload record and current schema version. A schema file
 * {@code schemas/<eventType>.schema.json} describes each payload; schemas only grow (new optional fields),
 * a breaking change is a new event type.
 */
public final class EventTypes {
    public static final String REQUEST_CREATED = "RequestCreated";
    public static final String EXPRESS_ESCALATED = "ExpressEscalated";
    public static final String CASE_CLOSED = "CaseClosed";
    public static final String APPOINTMENT_BOOKED = "AppointmentBooked";
    public static final String APPOINTMENT_ADVANCED = "AppointmentAdvanced";
    public static final String APPOINTMENT_MAINTAINED = "AppointmentMaintained";
    public static final String APPOINTMENT_UNSCHEDULABLE = "AppointmentUnschedulable";
    public static final String INTERVENTION_COMPLETED = "InterventionCompleted";
    public static final String CLIENT_ABSENT = "ClientAbsent";
    public static final String DELIVERY_POINT_CHANGED = "DeliveryPointChanged";
    public static final String SUPPLIER_REGISTERED = "SupplierRegistered";
    public static final String CATALOGUE_VERSION_PUBLISHED = "CatalogueVersionPublished";
    public static final String TRACKING_RECORD = "SupplierTrackingRecord";
    public static final String CONTRACTUAL_RECORD = "SupplierContractualRecord";
    public static final String BILLING_RECORD = "SupplierBillingRecord";
    public static final String SUMMARY_SHEET = "SupplierSummarySheet";
    public static final String CLOCK_ADVANCED = "ClockAdvanced";
    public static final String REQUEST_REJECTED = "RequestRejected";
    public static final String AMENDMENT_ISSUED = "AmendmentIssued";
    public static final String AMENDMENT_ACCEPTED = "AmendmentAccepted";
    public static final String AMENDMENT_EXPIRED = "AmendmentExpired";
    public static final String AMENDMENT_VOIDED = "AmendmentVoided";
    public static final String CONNECTION_AGREEMENT_OVERDUE = "ConnectionAgreementOverdue";
    public static final String AMENDMENT_BALANCE_INVOICED = "AmendmentBalanceInvoiced";
    public static final String AMENDMENT_BALANCE_REMINDER = "AmendmentBalanceReminder";
    public static final String AMENDMENT_BALANCE_OVERDUE = "AmendmentBalanceOverdue";

    private static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(REQUEST_CREATED, RequestCreated.class),
            Map.entry(EXPRESS_ESCALATED, ExpressEscalated.class),
            Map.entry(CASE_CLOSED, CaseClosed.class),
            Map.entry(APPOINTMENT_BOOKED, AppointmentBooked.class),
            Map.entry(APPOINTMENT_ADVANCED, AppointmentAdvanced.class),
            Map.entry(APPOINTMENT_MAINTAINED, AppointmentMaintained.class),
            Map.entry(APPOINTMENT_UNSCHEDULABLE, AppointmentUnschedulable.class),
            Map.entry(INTERVENTION_COMPLETED, InterventionCompleted.class),
            Map.entry(CLIENT_ABSENT, ClientAbsent.class),
            Map.entry(DELIVERY_POINT_CHANGED, DeliveryPointChanged.class),
            Map.entry(SUPPLIER_REGISTERED, SupplierRegistered.class),
            Map.entry(CATALOGUE_VERSION_PUBLISHED, CatalogueVersionPublished.class),
            Map.entry(TRACKING_RECORD, TrackingRecord.class),
            Map.entry(CONTRACTUAL_RECORD, ContractualRecord.class),
            Map.entry(BILLING_RECORD, BillingRecord.class),
            Map.entry(SUMMARY_SHEET, SummarySheet.class),
            Map.entry(CLOCK_ADVANCED, ClockAdvanced.class),
            Map.entry(REQUEST_REJECTED, RequestRejected.class),
            Map.entry(AMENDMENT_ISSUED, AmendmentIssued.class),
            Map.entry(AMENDMENT_ACCEPTED, AmendmentAccepted.class),
            Map.entry(AMENDMENT_EXPIRED, AmendmentExpired.class),
            Map.entry(AMENDMENT_VOIDED, AmendmentVoided.class),
            Map.entry(CONNECTION_AGREEMENT_OVERDUE, ConnectionAgreementOverdue.class),
            Map.entry(AMENDMENT_BALANCE_INVOICED, AmendmentBalanceInvoiced.class),
            Map.entry(AMENDMENT_BALANCE_REMINDER, AmendmentBalanceReminder.class),
            Map.entry(AMENDMENT_BALANCE_OVERDUE, AmendmentBalanceOverdue.class));

    private static final Map<Class<?>, String> TYPES = PAYLOADS.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private EventTypes() {
    }

    public static Class<?> payloadOf(String eventType) {
        Class<?> type = PAYLOADS.get(eventType);
        if (type == null) {
            throw new IllegalArgumentException("unknown eventType '" + eventType + "'");
        }
        return type;
    }

    /** The event type name of a payload record. */
    public static String typeOf(Class<?> payload) {
        String type = TYPES.get(payload);
        if (type == null) {
            throw new IllegalArgumentException("no event type for " + payload.getName());
        }
        return type;
    }

    public static int schemaVersionOf(String eventType) {
        payloadOf(eventType);
        return 1;
    }

    public static Map<String, Class<?>> all() {
        return PAYLOADS;
    }
}
