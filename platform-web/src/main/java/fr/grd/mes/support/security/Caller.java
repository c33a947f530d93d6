package fr.grd.mes.support.security;

import fr.grd.mes.support.outcome.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the verified JWT. The distributor's side (desk, technicians, portal) sees every
 * supplier's data; a supplier sees only its own, and anything else is answered as if it did not exist.
 */
public record Caller(String subject, Set<String> roles, String supplierId) {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return new Caller("anonymous", Set.of(), null);
        }
        List<String> roles = jwt.getClaimAsStringList(Roles.ROLES_CLAIM);
        return new Caller(jwt.getSubject(), roles == null ? Set.of() : roles.stream().collect(Collectors.toSet()),
                jwt.getClaimAsString(Roles.SUPPLIER_CLAIM));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The desk, technicians and the portal act for every supplier; the files delivery reads for every one. */
    public boolean seesAllSuppliers() {
        return has(Roles.OPERATOR) || has(Roles.TECHNICIAN) || has(Roles.PORTAL) || has(Roles.FILES);
    }

    public boolean mayActFor(String supplier) {
        return seesAllSuppliers() || (has(Roles.SUPPLIER) && supplierId != null && supplierId.equals(supplier));
    }

    /** Throws "not found" for data of a supplier the caller may not see: no 403 that would confirm it exists. */
    public void requireVisible(String supplier, String what) {
        if (!mayActFor(supplier)) {
            throw new NotFound(what + " not found");
        }
    }
}
