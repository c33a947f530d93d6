package fr.grd.mes.contract.component;

import fr.grd.mes.contract.ContractServiceApplication;
import fr.grd.mes.events.ContractualRecord;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.EventEnvelope;
import fr.grd.mes.events.EventTypes;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.events.Topics;
import fr.grd.mes.events.Version;
import fr.grd.mes.testsupport.ComponentStack;
import fr.grd.mes.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contract-service alone on a real broker and store: an operator loads a delivery point over HTTP, a completed
 * intervention arrives as scheduling-service publishes it; out, the referential's changes on the compacted topic
 * and the supplier's contractual record, once even when the intervention is redelivered.
 */
class ContractComponentIT {
    private static final String PDL = "09444444444444";
    private static final String SUPPLIER = "FOURN-COMP";
    private static ComponentStack stack;

    @BeforeAll
    static void start() {
        stack = ComponentStack.start(ContractServiceApplication::builder, "mes_contract");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aCompletedInterventionRestoresTheSupplyAndEntersThePdlIntoThePerimeterOnce() {
        var loaded = Http.put(stack.url() + "/api/v1/delivery-points/" + PDL, Map.of("street", "12 rue de la Paix",
                "postalCode", "75002", "city", "Paris", "inseeCode", "75102", "zone", "ZC1", "supplyState", "COUP",
                "meterType", "LINKY"));
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
        EventEnvelope<Object> done = stack.publish(Topics.INTERVENTIONS, "CC-1", EventTypes.INTERVENTION_COMPLETED,
                new InterventionCompleted("CC-1", "R-CC-1", PDL, SUPPLIER, Version.STANDARD, LocalDate.of(2026, 12, 3),
                        42_137, false, List.of(), "REF-CC-1", fr.grd.mes.events.ChartBranch.OPTION_1));
        stack.publish(Topics.INTERVENTIONS, "CC-1", done);

        List<EventEnvelope<Object>> referential = stack.events(Topics.DELIVERY_POINTS, PDL, 2);
        assertThat(referential).extracting(e -> ((DeliveryPointChanged) e.payload()).supplyState())
                .containsExactly(SupplyState.COUP, SupplyState.ALIM);
        assertThat(referential.get(1).correlationId()).as("the change is correlated with its case").isEqualTo("CC-1");
        List<EventEnvelope<Object>> contractual = stack.events(Topics.contractual(SUPPLIER), PDL, 1);
        assertThat(contractual).singleElement().satisfies(e -> {
            ContractualRecord record = (ContractualRecord) e.payload();
            assertThat(record.caseId()).isEqualTo("CC-1");
            assertThat(record.meterIndex()).isEqualTo(42_137);
        });

        stack.awaitConsumed("contract-service", Topics.INTERVENTIONS);
        assertThat(stack.events(Topics.contractual(SUPPLIER), PDL, 1)).as("one perimeter entry").hasSize(1);
        assertThat(stack.events(Topics.DELIVERY_POINTS, PDL, 2)).hasSize(2);
        var perimeter = Http.get(stack.url() + "/api/v1/suppliers/" + SUPPLIER + "/perimeter/" + PDL);
        assertThat(perimeter.status()).isEqualTo(200);
        assertThat(perimeter.body().get("supplyState").asString()).isEqualTo("ALIM");
    }
}
