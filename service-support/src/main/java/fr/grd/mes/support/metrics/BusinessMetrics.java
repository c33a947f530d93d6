package fr.grd.mes.support.metrics;

import fr.grd.mes.events.EventTypes;
import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.outbox.OutboxObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The business questions as Prometheus counters, counted when the event is actually published (so a retried
 * use case is never counted twice): requests by version, appointments by kind, express advanced vs
 * maintained, interventions completed vs client absent, amounts billed by prestation code, supplier records
 * by flow. A decorator of the outbox, not calls inside the rules.
 */
public class BusinessMetrics implements OutboxObserver {
    private final MeterRegistry registry;
    private final EventJson json;

    public BusinessMetrics(MeterRegistry registry, EventJson json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public void published(String topic, String eventType, String envelopeJson) {
        try {
            count("mes.events.published", "event_type", eventType, "flow", flowOf(topic));
            JsonNode payload = json.mapper().readTree(envelopeJson).path("payload");
            switch (eventType) {
                case EventTypes.REQUEST_CREATED -> count("mes.requests", "version", text(payload, "version"));
                case EventTypes.APPOINTMENT_BOOKED -> count("mes.appointments.booked", "kind", text(payload, "kind"),
                        "within_express_deadline", text(payload, "withinExpressDeadline"));
                case EventTypes.EXPRESS_ESCALATED -> count("mes.express.escalations");
                case EventTypes.CASE_CLOSED -> count("mes.cases.closed", "closure", text(payload, "closureCode"));
                case EventTypes.AMENDMENT_ISSUED, EventTypes.AMENDMENT_ACCEPTED, EventTypes.AMENDMENT_EXPIRED,
                     EventTypes.AMENDMENT_VOIDED, EventTypes.CONNECTION_AGREEMENT_OVERDUE ->
                        count("mes.amendment.events", "event_type", eventType);
                case EventTypes.APPOINTMENT_ADVANCED ->
                        count("mes.express.advancements", "result", "advanced", "reason", "CLIENT_AGREED");
                case EventTypes.APPOINTMENT_MAINTAINED ->
                        count("mes.express.advancements", "result", "maintained", "reason", text(payload, "reason"));
                case EventTypes.INTERVENTION_COMPLETED -> count("mes.interventions", "outcome", "completed",
                        "advanced", text(payload, "advanced"));
                case EventTypes.CLIENT_ABSENT -> count("mes.interventions", "outcome", "client_absent",
                        "advanced", text(payload, "advanced"));
                case EventTypes.BILLING_RECORD -> Counter.builder("mes.billed.amount.excl.tax")
                        .baseUnit("euros").tag("code", text(payload, "prestationCode")).register(registry)
                        .increment(new java.math.BigDecimal(text(payload, "amountExclTax")).doubleValue());
                default -> {
                    // counted above by type only
                }
            }
        } catch (RuntimeException e) {
            registry.counter("mes.metrics.errors").increment();
        }
    }

    private void count(String name, String... tags) {
        registry.counter(name, tags).increment();
    }

    private static String text(JsonNode payload, String field) {
        return payload.path(field).asString("unknown");
    }

    private static String flowOf(String topic) {
        if (topic.startsWith("supplier.")) {
            return topic.substring(topic.lastIndexOf('.') + 1);
        }
        return topic;
    }
}
