package fr.grd.mes.support.port;

/**
 * A supplier as the SGE files name it: its EIC code (16 characters) and its GRD-F contract reference, from the
 * supplier registry (contract-service; the other services keep a projection of it). A supplier that is not
 * registered gets no file: {@link Unregistered}.
 */
public interface SupplierIdentity {

    /** The supplier is not in the registry: its files cannot be named. */
    final class Unregistered extends RuntimeException {
        public Unregistered(String supplierId) {
            super("supplier " + supplierId + " is not in the supplier registry (PUT /api/v1/suppliers/" + supplierId
                    + " on contract-service): its files cannot be named");
        }
    }

    String eicOf(String supplierId);

    String contractOf(String supplierId);

    /** Values of the real form derived from a supplier id: demo data and tests only, never the files' source. */
    static SupplierIdentity derived() {
        return new SupplierIdentity() {
            @Override
            public String eicOf(String supplierId) {
                String letters = supplierId.toUpperCase().replaceAll("[^A-Z0-9]", "");
                return ("17X" + letters + "0000000000000").substring(0, 15) + "X";
            }

            @Override
            public String contractOf(String supplierId) {
                String contract = "GRD-F" + supplierId.toUpperCase().replaceAll("[^A-Z0-9]", "");
                return contract.length() > 20 ? contract.substring(0, 20) : contract;
            }
        };
    }
}
