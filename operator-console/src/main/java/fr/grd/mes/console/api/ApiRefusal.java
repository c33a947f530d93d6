package fr.grd.mes.console.api;

import java.util.List;

/**
 * A service refused a call (RFC 9457 problem details): the console shows the title, the detail and each
 * violation next to the form the person used, and changes nothing else.
 */
public class ApiRefusal extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;
    private final List<String> violations;

    public ApiRefusal(int status, String title, String detail, List<String> violations) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = List.copyOf(violations);
    }

    /** The console's refusal for a service's problem: a violation is shown only when there is no detail. */
    public static ApiRefusal of(fr.grd.mes.client.Problem problem) {
        return new ApiRefusal(problem.status(), problem.title(), problem.detail(), problem.detail() != null
                ? List.of() : problem.violations().stream().map(v -> v.field() + " : " + v.reason()).toList());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<String> violations() {
        return violations;
    }

    /** The sentence shown to the person, in French around the service's own words. */
    public String message() {
        StringBuilder text = new StringBuilder(switch (status) {
            case 400 -> "Saisie refusée";
            case 403 -> "Action réservée à un autre rôle";
            case 404 -> "Introuvable";
            case 409 -> "Action impossible dans l'état actuel";
            case 429 -> "Trop de demandes, réessayez dans un instant";
            default -> "Refus du service (" + status + ")";
        });
        if (detail != null && !detail.isBlank()) {
            text.append(" : ").append(detail);
        }
        for (String violation : violations) {
            text.append(" — ").append(violation);
        }
        return text.toString();
    }
}
