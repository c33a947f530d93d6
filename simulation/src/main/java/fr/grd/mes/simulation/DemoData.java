package fr.grd.mes.simulation;

import fr.grd.mes.client.ContractApi;
import fr.grd.mes.client.PlatformClient;
import fr.grd.mes.support.port.SupplierIdentity;
import fr.grd.mes.support.time.BusinessCalendar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    private final PlatformClient platform;

    /** {@code platform} with the distributor's token. */
    public DemoData(PlatformClient platform) {
        this.platform = platform;
    }

    /**
     * The supplier registry: the names the SGE files give each demo supplier (demo EICs and GRD-F contracts), and,
     * when {@code keys} is given, each supplier's SSH key and AES-256 flow key, made once under {@code keys/<id>/}
     * (the private key for the supplier's sftp, the flow key in hex for its openssl).
     */
    void register(Path keys) throws IOException {
        var identity = SupplierIdentity.derived();
        for (String supplier : SUPPLIERS) {
            SupplierKeys made = keys == null ? null : SupplierKeys.loadOrCreate(keys.resolve(supplier), supplier);
            platform.contracts().putSupplier(supplier, new ContractApi.Supplier(
                    "Fournisseur " + supplier.substring(supplier.indexOf('-') + 1), identity.eicOf(supplier),
                    identity.contractOf(supplier), made == null ? null : made.sshPublicKey(),
                    made == null ? null : made.flowKeyBase64()));
        }
    }

    /** Registers the demo suppliers' keys and says how each fetches and decrypts its files. */
    public String supplierAccess(Path keys, int sftpPort) throws IOException {
        register(keys);
        StringBuilder out = new StringBuilder("\nSuppliers fetch their F15, C15 and X12 files by SFTP (keys under ")
                .append(keys).append("):\n");
        for (String supplier : SUPPLIERS) {
            Path dir = keys.resolve(supplier).toAbsolutePath();
            out.append("  sftp -i ").append(dir.resolve("id_ecdsa")).append(" -P ").append(sftpPort)
                    .append(" -o StrictHostKeyChecking=accept-new ").append(supplier).append("@localhost\n");
        }
        out.append("  decrypt a file: f=<file>.zip; k=$(cat ").append(keys.toAbsolutePath()).append("/FOURN-ALPHA/flow-key.hex);")
                .append(" iv=$(head -c16 $f | od -An -tx1 | tr -d ' \\n'); tail -c +17 $f | openssl enc -d -aes-256-cbc -K $k -iv $iv > plain.zip\n");
        return out.toString();
    }

    public void load(LocalDate today, BusinessCalendar calendar) throws IOException {
        register(null);
        String[] states = {"COUP", "COUP", "LIMI", "COUP", "LIMI", "ALIM"};
        for (int i = 0; i < PDLS.size(); i++) {
            if (platform.contracts().deliveryPointExists(PDLS.get(i))) {
                continue;
            }
            platform.contracts().putDeliveryPoint(PDLS.get(i), new ContractApi.DeliveryPoint(
                    (10 + i) + " avenue de la République", "75011", "Paris", "75111", ZONE, states[i], "LINKY"))
                    .orThrow();
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = calendar.nextBusinessDayOnOrAfter(today); days.size() < 10;
             day = calendar.addBusinessDays(day, 1)) {
            days.add(day);
        }
        for (LocalDate day : days) {
            if (!platform.scheduling().slots(ZONE, day, day).isEmpty()) {
                continue;
            }
            platform.scheduling().setCapacity(ZONE, day, 4, 4).orThrow();
        }
    }
}
