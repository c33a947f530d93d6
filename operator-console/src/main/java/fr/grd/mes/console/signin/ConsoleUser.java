package fr.grd.mes.console.signin;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person as the console keeps them in the server-side session: who, which roles, and the access
 * token the console presents to the services on their behalf (never sent to the browser).
 */
public record ConsoleUser(String subject, String displayName, Set<String> roles, String accessToken)
        implements Serializable {

    public static final String OPERATOR = "OPERATOR";
    public static final String TECHNICIAN = "TECHNICIAN";

    public boolean isOperator() {
        return roles.contains(OPERATOR);
    }

    public boolean isTechnician() {
        return roles.contains(TECHNICIAN);
    }
}
