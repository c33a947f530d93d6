package fr.grd.mes.support.flowfile;

/**
 * A supplier as the SGE files name it: its EIC code (16 characters) and its GRD-F contract reference. The
 * supplier registry of issue 16 is to provide these; until it exists, {@link #derived()} builds stand-in values
 * from the supplier id (documented as such in the README), so that the file names already have their real form.
 */
public interface SupplierIdentity {

    String eicOf(String supplierId);

    String contractOf(String supplierId);

    /** Stand-in values of the form of the real ones, derived from the supplier id (no registry yet). */
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
