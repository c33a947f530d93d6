package fr.grd.mes.support.security;

/**
 * The roles of DESIGN §7, carried in the JWT's {@code roles} claim: a supplier (acts and reads only for the
 * {@code supplier_id} of its token), the distributor's desk, field technicians, the SGE portal, and the
 * supplier-files delivery.
 */
public final class Roles {
    public static final String SUPPLIER = "SUPPLIER";
    public static final String OPERATOR = "OPERATOR";
    public static final String TECHNICIAN = "TECHNICIAN";
    public static final String PORTAL = "PORTAL";
    /** The supplier-files delivery (SFTP): reads every supplier's files, the registry and the flow keys. */
    public static final String FILES = "FILES";

    /** The JWT claim holding the roles, and the one holding a supplier's id. */
    public static final String ROLES_CLAIM = "roles";
    public static final String SUPPLIER_CLAIM = "supplier_id";

    private Roles() {
    }
}
