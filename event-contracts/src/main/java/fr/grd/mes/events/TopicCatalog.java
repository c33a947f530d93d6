package fr.grd.mes.events;

import java.util.List;

/**
 * Every topic the services serve, with its key, its single writer, its readers and the event types it
 * carries: the source of the AsyncAPI document ({@code asyncapi/asyncapi.json}) and of the ACLs.
 * Supplier topics are written with the {@code {supplierId}} parameter.
 */
public final class TopicCatalog {

    public record TopicSpec(String name, String key, String writer, List<String> readers, List<String> eventTypes,
                            boolean compacted, String description) {
    }

    public static final List<TopicSpec> TOPICS = List.of(
            new TopicSpec(Topics.REQUESTS, "caseId", "request-service", List.of("scheduling-service"),
                    List.of(EventTypes.REQUEST_CREATED, EventTypes.EXPRESS_ESCALATED, EventTypes.CASE_CLOSED), false,
                    "Cases: admissible requests, express escalations by the supplier's call, closures."),
            new TopicSpec(Topics.APPOINTMENTS, "caseId", "scheduling-service", List.of("request-service"),
                    List.of(EventTypes.APPOINTMENT_BOOKED, EventTypes.APPOINTMENT_ADVANCED,
                            EventTypes.APPOINTMENT_MAINTAINED, EventTypes.APPOINTMENT_UNSCHEDULABLE), false,
                    "Appointments in the charge table and the outcome of express advancement attempts."),
            new TopicSpec(Topics.INTERVENTIONS, "caseId", "scheduling-service",
                    List.of("request-service", "billing-service", "contract-service"),
                    List.of(EventTypes.INTERVENTION_COMPLETED, EventTypes.CLIENT_ABSENT), false,
                    "Technicians' outcomes: supply restored with the index read, or client absent."),
            new TopicSpec(Topics.DELIVERY_POINTS, "pdl", "contract-service",
                    List.of("request-service", "scheduling-service", "billing-service"),
                    List.of(EventTypes.DELIVERY_POINT_CHANGED), true,
                    "The delivery-point referential, latest state per PdL (compacted)."),
            new TopicSpec(Topics.SUPPLIERS, "supplierId", "contract-service",
                    List.of("request-service", "billing-service"),
                    List.of(EventTypes.SUPPLIER_REGISTERED), true,
                    "The supplier registry, latest registration per supplier (compacted): EIC, GRD-F contract, SSH key."),
            new TopicSpec(Topics.CATALOGUE, "versionId", "billing-service", List.of("request-service"),
                    List.of(EventTypes.CATALOGUE_VERSION_PUBLISHED), true,
                    "The price catalogue's versions (compacted): the codes each prices and the decision chart's codes."),
            new TopicSpec(Topics.SGE_REQUESTS, "portalRequestId", "sge-portal", List.of("request-service"),
                    List.of(), false,
                    "Ingress: the portal's requests, the JSON of POST /api/v1/requests with a portalRequestId (no envelope)."),
            new TopicSpec(Topics.SGE_REQUESTS_REJECTED, "portalRequestId", "request-service", List.of("sge-portal"),
                    List.of(EventTypes.REQUEST_REJECTED), false,
                    "Ingress records that could not become a case, with the reason and the original payload."),
            new TopicSpec(Topics.tracking("{supplierId}"), "caseId", "request-service", List.of("supplier"),
                    List.of(EventTypes.TRACKING_RECORD), false,
                    "Case-tracking flow of one supplier (X12 model): status and numbered, dated milestones."),
            new TopicSpec(Topics.contractual("{supplierId}"), "pdl", "contract-service", List.of("supplier"),
                    List.of(EventTypes.CONTRACTUAL_RECORD), false,
                    "Contractual flow of one supplier (C15 model): the PdL enters its perimeter (MES)."),
            new TopicSpec(Topics.billing("{supplierId}"), "caseId", "billing-service", List.of("supplier"),
                    List.of(EventTypes.BILLING_RECORD), false,
                    "Billing flow of one supplier (F15 model): one valued line per billed prestation."),
            new TopicSpec(Topics.summary("{supplierId}"), "caseId", "request-service", List.of("supplier"),
                    List.of(EventTypes.SUMMARY_SHEET), false,
                    "Summary sheets of advanced express cases, the day after the intervention."),
            new TopicSpec(Topics.AMENDMENTS, "amendmentId", "contract-service", List.of("operations"),
                    List.of(EventTypes.AMENDMENT_ISSUED, EventTypes.AMENDMENT_ACCEPTED, EventTypes.AMENDMENT_EXPIRED,
                            EventTypes.AMENDMENT_VOIDED, EventTypes.CONNECTION_AGREEMENT_OVERDUE,
                            EventTypes.AMENDMENT_BALANCE_INVOICED, EventTypes.AMENDMENT_BALANCE_REMINDER,
                            EventTypes.AMENDMENT_BALANCE_OVERDUE), false,
                    "The lifecycle of \"Avenant L. 342-2\" amendments to HTA connection proposals."),
            new TopicSpec(Topics.SIMULATION_CLOCK, "clock", "any service (simulation control)",
                    List.of("every service"), List.of(EventTypes.CLOCK_ADVANCED), false,
                    "Simulation only: moves every service's clock forward."));

    private TopicCatalog() {
    }

    /** The catalogue entry a concrete topic name belongs to (supplier topics match their pattern). */
    /** Whether the topic keeps only the latest record per key (a referential: delivery points, suppliers). */
    public static boolean isCompacted(String topic) {
        return specOf(topic).map(TopicSpec::compacted).orElse(false);
    }

    public static java.util.Optional<TopicSpec> specOf(String topic) {
        return TOPICS.stream().filter(spec -> spec.name().equals(topic)
                || (spec.name().contains("{supplierId}") && topic.matches(
                        java.util.regex.Pattern.quote(spec.name().substring(0, spec.name().indexOf('{')))
                                + "[A-Za-z0-9_-]+" + java.util.regex.Pattern.quote(
                                spec.name().substring(spec.name().indexOf('}') + 1))))).findFirst();
    }
}
