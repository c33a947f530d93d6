package fr.grd.mes.contract.application;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/** The monthly barème price index the §5.4 revision divides by (loaded by operators). */
public interface BaremeIndexes {
    void put(YearMonth month, BigDecimal value);

    Optional<BigDecimal> of(YearMonth month);

    /** Every loaded month ({@code yyyy-MM}), in order. */
    Map<String, BigDecimal> all();
}
