package fr.grd.mes.support.web;

import fr.grd.mes.support.outcome.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

import java.util.stream.Collectors;

/** What was wrong with a JSON document, as a field and a reason a client can act on. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** The violation behind a JSON reading failure: the bad field if one is known, else the body. */
    public static Violation violationOf(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            // a number out of its type's range (InputCoercionException) is a bad field, not bad JSON
            boolean badValue = t instanceof InputCoercionException c && !c.getPath().isEmpty();
            if (t instanceof StreamReadException && !badValue) {
                return new Violation("body", "malformed JSON: " + firstLine(t.getMessage()));
            }
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                String field = j.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return new Violation(field, "invalid value: " + firstLine(mostSpecific(failure).getMessage()));
            }
        }
        return new Violation("body", "unreadable: " + firstLine(mostSpecific(failure).getMessage()));
    }

    private static Throwable mostSpecific(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
