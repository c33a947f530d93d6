package fr.grd.mes.request.application;

import java.time.Instant;

/** The register of case numbers already given: taking one is atomic, a number is never given twice. */
public interface CaseNumberLedger {
    /** Takes {@code number}; false if it was taken before. */
    boolean take(String number, Instant at);
}
