package fr.grd.mes.localstack;

import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo data, loaded through the services' own public APIs as an operator would: two suppliers' delivery
 * points (suspended and reduced supplies, plus one already supplied to show the refusal) in zone PARIS-EST,
 * and technicians' capacity there for the next 10 business days. Only what is missing is loaded, so a restart
 * of the local stack never overwrites what happened since (a PdL supplied since, a half day already set).
 */
public final class DemoData {
    public static final String ZONE = "PARIS-EST";
    public static final List<String> SUPPLIERS = List.of("FOURN-ALPHA", "FOURN-BETA");
    public static final List<String> PDLS = List.of("09111111111111", "09111111111112", "09111111111113",
            "09222222222221", "09222222222222", "09333333333333");

    private final ServiceStack stack;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public DemoData(ServiceStack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    public void load(LocalDate today, BusinessCalendar calendar) throws IOException, InterruptedException {
        // the supplier registry: the names the SGE files give each demo supplier (demo EICs and GRD-F contracts)
        var identity = fr.grd.mes.support.flowfile.SupplierIdentity.derived();
        for (String supplier : SUPPLIERS) {
            put(stack.url(Service.CONTRACT) + "/api/v1/suppliers/" + supplier, Map.of("displayName",
                    "Fournisseur " + supplier.substring(supplier.indexOf('-') + 1), "eic", identity.eicOf(supplier),
                    "grdfContract", identity.contractOf(supplier)));
        }
        String[] states = {"COUP", "COUP", "LIMI", "COUP", "LIMI", "ALIM"};
        for (int i = 0; i < PDLS.size(); i++) {
            if (exists(stack.url(Service.CONTRACT) + "/api/v1/delivery-points/" + PDLS.get(i))) {
                continue;
            }
            put(stack.url(Service.CONTRACT) + "/api/v1/delivery-points/" + PDLS.get(i), Map.of(
                    "street", (10 + i) + " avenue de la République", "postalCode", "75011", "city", "Paris",
                    "inseeCode", "75111", "zone", ZONE, "supplyState", states[i], "meterType", "LINKY"));
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = calendar.nextBusinessDayOnOrAfter(today); days.size() < 10;
             day = calendar.addBusinessDays(day, 1)) {
            days.add(day);
        }
        for (LocalDate day : days) {
            String slots = get(stack.url(Service.SCHEDULING) + "/api/v1/slots?zone=" + ZONE + "&from=" + day + "&to=" + day);
            if (!"[]".equals(slots.strip())) {
                continue;
            }
            put(stack.url(Service.SCHEDULING) + "/api/v1/capacity/" + ZONE + "/" + day, Map.of("am", 4, "pm", 4));
        }
    }

    private boolean exists(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void put(String url, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + " → " + response.statusCode() + " " + response.body());
        }
    }
}
