package fr.grd.mes.billing.component;

import fr.grd.mes.billing.BillingServiceApplication;
import fr.grd.mes.events.ClientAbsent;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.Topics;
import fr.grd.mes.events.Version;
import fr.grd.mes.testsupport.ComponentStack;
import fr.grd.mes.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * billing-service alone on a real broker and store: intervention events in (as scheduling-service publishes
 * them), the supplier's billing records out, the bill stored once, the lines served over HTTP.
 */
class BillingComponentIT {
    private static final String SUPPLIER = "FOURN-COMP";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static ComponentStack stack;

    @BeforeAll
    static void start() {
        stack = ComponentStack.start(BillingServiceApplication::builder, "mes_billing");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static InterventionCompleted completed(String caseId, boolean advanced) {
        return new InterventionCompleted(caseId, "R-" + caseId, "09111111111111", SUPPLIER, Version.EXPRESS, DAY,
                42_137, advanced, List.of(), "REF-" + caseId, advanced ? fr.grd.mes.events.ChartBranch.OPTION_2_1_1_ADVANCED : fr.grd.mes.events.ChartBranch.OPTION_1);
    }

    @Test
    void anAdvancedExpressInterventionIsBilledOnceAsForfaitAndSupplementEvenRedelivered() {
        EventEnvelope<Object> done = stack.publish(Topics.INTERVENTIONS, "CB-1", EventTypes.INTERVENTION_COMPLETED,
                completed("CB-1", true));
        List<EventEnvelope<Object>> records = stack.events(Topics.billing(SUPPLIER), "CB-1", 2);
        assertThat(records).extracting(EventEnvelope::eventType).containsOnly(EventTypes.BILLING_RECORD);
        assertThat(records).extracting(e -> ((fr.grd.mes.events.BillingRecord) e.payload()).prestationCode())
                .containsExactly("F120B", "F120X");

        stack.publish(Topics.INTERVENTIONS, "CB-1", done);
        stack.awaitConsumed("billing-service", Topics.INTERVENTIONS);
        assertThat(stack.database().getCollection("bills").countDocuments(eq("caseId", "CB-1"))).isEqualTo(1);
        assertThat(stack.events(Topics.billing(SUPPLIER), "CB-1", 2)).as("nothing billed twice").hasSize(2);

        var lines = Http.get(stack.url() + "/api/v1/suppliers/" + SUPPLIER + "/billing-lines?caseId=CB-1",
                stack.tokens.mint(List.of("SUPPLIER"), SUPPLIER));
        assertThat(lines.status()).as(lines.raw()).isEqualTo(200);
        assertThat(lines.raw()).contains("F120B", "F120X", "20.00", "25.00");
    }

    @Test
    void aClientAbsentIsTheWastedTripAlone() {
        stack.publish(Topics.INTERVENTIONS, "CB-2", EventTypes.CLIENT_ABSENT, new ClientAbsent("CB-2", "R-CB-2",
                "09111111111111", SUPPLIER, Version.EXPRESS, DAY, true, "REF-CB-2", fr.grd.mes.events.ChartBranch.OPTION_2_1_1_ADVANCED));
        assertThat(stack.events(Topics.billing(SUPPLIER), "CB-2", 1)).singleElement().satisfies(e ->
                assertThat(((fr.grd.mes.events.BillingRecord) e.payload()).prestationCode()).isEqualTo("DEPL-VAIN"));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheNextOneStillBilled() {
        stack.publish(Topics.INTERVENTIONS, "CB-3", EventTypes.INTERVENTION_COMPLETED, java.util.Map.of("caseId", 7));
        stack.publish(Topics.INTERVENTIONS, "CB-4", EventTypes.INTERVENTION_COMPLETED, completed("CB-4", false));
        assertThat(stack.records(Topics.deadLetter(Topics.INTERVENTIONS), "CB-3", 1)).singleElement()
                .asString().contains("\"caseId\":7");
        assertThat(stack.events(Topics.billing(SUPPLIER), "CB-4", 1)).hasSize(1);
    }
}
