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

    /**
     * The supplier registry: the names the SGE files give each demo supplier (demo EICs and GRD-F contracts), and,
     * when {@code keys} is given, each supplier's SSH key and AES-256 flow key, made once under {@code keys/<id>/}
     * (the private key for the supplier's sftp, the flow key in hex for its openssl).
     */
    void register(java.nio.file.Path keys) throws IOException, InterruptedException {
        var identity = fr.grd.mes.support.flowfile.SupplierIdentity.derived();
        for (String supplier : SUPPLIERS) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("displayName",
                    "Fournisseur " + supplier.substring(supplier.indexOf('-') + 1), "eic", identity.eicOf(supplier),
                    "grdfContract", identity.contractOf(supplier)));
            if (keys != null) {
                SupplierKeys made = SupplierKeys.loadOrCreate(keys.resolve(supplier), supplier);
                body.put("sshPublicKey", made.sshPublicKey());
                body.put("flowEncryptionKey", made.flowKeyBase64());
            }
            put(stack.url(Service.CONTRACT) + "/api/v1/suppliers/" + supplier, body);
        }
    }

    /** Registers the demo suppliers' keys and says how each fetches and decrypts its files. */
    String supplierAccess(java.nio.file.Path keys, int sftpPort) throws IOException, InterruptedException {
        register(keys);
        StringBuilder out = new StringBuilder("\nSuppliers fetch their F15, C15 and X12 files by SFTP (keys under ")
                .append(keys).append("):\n");
        for (String supplier : SUPPLIERS) {
            java.nio.file.Path dir = keys.resolve(supplier).toAbsolutePath();
            out.append("  sftp -i ").append(dir.resolve("id_ecdsa")).append(" -P ").append(sftpPort)
                    .append(" -o StrictHostKeyChecking=accept-new ").append(supplier).append("@localhost\n");
        }
        out.append("  decrypt a file: f=<file>.zip; k=$(cat ").append(keys.toAbsolutePath()).append("/FOURN-ALPHA/flow-key.hex);")
                .append(" iv=$(head -c16 $f | od -An -tx1 | tr -d ' \\n'); tail -c +17 $f | openssl enc -d -aes-256-cbc -K $k -iv $iv > plain.zip\n");
        return out.toString();
    }

    public void load(LocalDate today, BusinessCalendar calendar) throws IOException, InterruptedException {
        register(null);
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
