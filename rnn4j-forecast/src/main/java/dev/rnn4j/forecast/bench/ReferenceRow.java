package dev.rnn4j.forecast.bench;

import java.util.Map;

/**
 * A published result: one method's value of one measure per period and overall.
 *
 * @param method   the method's name in the source table
 * @param metric   lower-case measure name (smape, mase, mape)
 * @param byPeriod value per period (YEARLY, QUARTERLY, MONTHLY, OTHER); a missing period is absent
 * @param overall  value over all series, NaN when the source gives none
 * @param source   the file it was read from
 */
public record ReferenceRow(String method, String metric, Map<String, Double> byPeriod, double overall, String source) {

    public ReferenceRow {
        byPeriod = Map.copyOf(byPeriod);
    }
}
