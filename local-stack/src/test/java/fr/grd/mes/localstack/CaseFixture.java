package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.projection.DeliveryPointProjection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/** Test data builders: delivery points loaded through contract-service, requests as the portal sends them. */
public final class CaseFixture {
    private static final AtomicLong NEXT_PDL = new AtomicLong(30_000_000_000_000L);

    private CaseFixture() {
    }

    public static String newPdl() {
        return String.valueOf(NEXT_PDL.incrementAndGet());
    }

    /** Loads a PdL into the referential and waits until request-service's projection knows it. */
    public static String deliveryPoint(TestStack stack, String zone, String supplyState) {
        String pdl = newPdl();
        var response = Http.put(stack.services.url(Service.CONTRACT) + "/api/v1/delivery-points/" + pdl, Map.of(
                "street", "12 rue de la Paix", "postalCode", "75002", "city", "Paris", "inseeCode", "75102",
                "zone", zone, "supplyState", supplyState, "meterType", "LINKY"));
        if (response.status() != 200) {
            throw new IllegalStateException("loading " + pdl + " failed: " + response.raw());
        }
        DeliveryPointProjection projection = stack.services.context(Service.REQUEST)
                .getBean(DeliveryPointProjection.class);
        await().until(() -> projection.find(pdl).map(p -> p.supplyState().name().equals(supplyState)).orElse(false));
        return pdl;
    }

    /**
     * Registers the supplier in contract-service's registry (EIC and GRD-F contract of the real form, derived
     * from its id for the tests) and waits until request- and billing-service, which name its files, know it.
     */
    public static void registerSupplier(TestStack stack, String supplierId) {
        var identity = fr.grd.mes.support.port.SupplierIdentity.derived();
        registerSupplier(stack, supplierId, identity.eicOf(supplierId), identity.contractOf(supplierId));
    }

    /** Registers the supplier with the given EIC and GRD-F contract, then waits as above. */
    public static void registerSupplier(TestStack stack, String supplierId, String eic, String contract) {
        registerSupplier(stack, supplierId, eic, contract, Map.of());
    }

    /** … with more registry fields ({@code sshPublicKey}, {@code flowEncryptionKey}). */
    public static void registerSupplier(TestStack stack, String supplierId, String eic, String contract,
                                        Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("displayName", "Fournisseur " + supplierId, "eic", eic,
                "grdfContract", contract));
        body.putAll(more);
        var response = Http.put(stack.services.url(Service.CONTRACT) + "/api/v1/suppliers/" + supplierId, body);
        if (response.status() != 200) {
            throw new IllegalStateException("registering " + supplierId + " failed: " + response.raw());
        }
        for (Service service : List.of(Service.REQUEST, Service.BILLING)) {
            var projection = stack.services.context(service).getBean(fr.grd.mes.support.projection.SupplierProjection.class);
            await().until(() -> projection.find(supplierId).map(r -> r.eic().equals(eic)
                    && r.grdfContract().equals(contract)).orElse(false));
        }
    }

    public static Map<String, Object> request(String pdl, String supplierId, String version, LocalDate date,
                                              String slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pdl", pdl);
        body.put("supplierId", supplierId);
        body.put("version", version);
        body.put("client", Map.of("name", "Mme Claire Martin", "phone", "+33 6 12 34 56 78"));
        body.put("appointment", Map.of("date", date.toString(), "slot", slot));
        body.put("additionalServices", List.of());
        body.put("externalReference", "REF-" + pdl);
        return body;
    }

    public static void capacity(TestStack stack, String zone, LocalDate date, int am, int pm) {
        var response = Http.put(stack.services.url(Service.SCHEDULING) + "/api/v1/capacity/" + zone + "/" + date,
                Map.of("am", am, "pm", pm));
        if (response.status() != 200) {
            throw new IllegalStateException("capacity " + zone + " " + date + " failed: " + response.raw());
        }
    }
}
