package fr.grd.mes.events;

import java.time.Instant;

/**
 * The latest registration of a supplier in the distributor's supplier registry (contract-service): how the SGE
 * files name it — its EIC code (16 characters) and its GRD-F contract reference — its display name, the SSH
 * public key it fetches its files with, and whether its files are delivered encrypted (the key itself never
 * travels on a topic). Compacted by supplier id; {@code revision} grows with every change.
 */
public record SupplierRegistered(
        String supplierId,
        String displayName,
        String eic,
        String grdfContract,
        String sshPublicKey,
        boolean flowEncryption,
        long revision,
        Instant changedAt) {
}
