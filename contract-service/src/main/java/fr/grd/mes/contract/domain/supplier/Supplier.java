package fr.grd.mes.contract.domain.supplier;

import fr.grd.mes.events.SupplierRegistered;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A supplier ("fournisseur") in the distributor's supplier registry: the names its SGE files give it — its EIC
 * code, the 16-character Energy Identification Code of ENTSO-E (e.g. {@code 17X100A100A0001A}), and its GRD-F
 * contract reference ("contrat GRD-F", e.g. {@code GRD-F139}) — its display name, the SSH public key it fetches
 * its files with, and whether its files are delivered encrypted. The encryption key itself is a secret kept
 * apart ({@code supplier_keys}), never part of this aggregate nor of its events.
 */
public class Supplier extends AggregateRoot {
    private static final Pattern EIC = Pattern.compile("[0-9]{2}[A-Z0-9][A-Z0-9-]{12}[A-Z0-9]");
    private static final Pattern CONTRACT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    private static final Pattern SSH_KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( [^\\n]{0,200})?");

    private String id;
    private String displayName;
    private String eic;
    private String grdfContract;
    private String sshPublicKey;
    private boolean flowEncryption;
    private long revision;
    private Instant changedAt;

    Supplier() {
    }

    /** What an operator registers. */
    public record Registration(String displayName, String eic, String grdfContract, String sshPublicKey) {
    }

    public record Problem(String field, String reason) {
    }

    /** Every reason the registration is refused, at once. */
    public static List<Problem> check(Registration r) {
        List<Problem> problems = new ArrayList<>();
        if (r.displayName() == null || r.displayName().isBlank() || r.displayName().length() > 100) {
            problems.add(new Problem("displayName", "is required, at most 100 characters"));
        }
        if (r.eic() == null || !EIC.matcher(r.eic()).matches()) {
            problems.add(new Problem("eic", "must be a 16-character EIC code such as 17X100A100A0001A"));
        }
        if (r.grdfContract() == null || !CONTRACT.matcher(r.grdfContract()).matches()) {
            problems.add(new Problem("grdfContract", "must be the GRD-F contract reference such as GRD-F139"
                    + " (capital letters, digits and -, at most 20)"));
        }
        if (r.sshPublicKey() != null && !SSH_KEY.matcher(r.sshPublicKey().strip()).matches()) {
            problems.add(new Problem("sshPublicKey", "must be one OpenSSH public key line (ssh-ed25519, ssh-rsa or"
                    + " ecdsa-sha2-nistp256/384/521, base64, optional comment)"));
        }
        return problems;
    }

    public static Supplier named(String supplierId) {
        Supplier supplier = new Supplier();
        supplier.id = supplierId;
        return supplier;
    }

    /** Registers (or changes) the supplier; returns the registry's new state as an event. */
    public SupplierRegistered register(Registration r, boolean encrypted, Instant now) {
        displayName = r.displayName();
        eic = r.eic();
        grdfContract = r.grdfContract();
        sshPublicKey = r.sshPublicKey() == null ? null : r.sshPublicKey().strip();
        flowEncryption = encrypted;
        revision++;
        changedAt = now;
        return snapshot();
    }

    public SupplierRegistered snapshot() {
        return new SupplierRegistered(id, displayName, eic, grdfContract, sshPublicKey, flowEncryption, revision,
                changedAt);
    }

    public String getId() {
        return id;
    }

    public String getEic() {
        return eic;
    }

    public String getGrdfContract() {
        return grdfContract;
    }

    public boolean isFlowEncryption() {
        return flowEncryption;
    }
}
