package dev.rnn4j.forecast.bench;

import java.util.List;
import java.util.Map;

/**
 * The scores of every model on one competition, beside the published reference rows.
 *
 * @param suite     the competition
 * @param periods   periods in table order
 * @param scores    per model name, its score per period and a final ALL entry
 * @param reference published rows read beside the data
 * @param seconds   per model name, wall time of fitting and forecasting
 */
public record BenchmarkResult(Suite suite, List<String> periods, Map<String, List<PeriodScore>> scores,
                              List<ReferenceRow> reference, Map<String, Double> seconds) {

    public BenchmarkResult {
        periods = List.copyOf(periods);
        // keep the models' run order (a plain Map.copyOf would scramble it)
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        reference = List.copyOf(reference);
        seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
    }

    /** A model's score over all series. */
    public PeriodScore overall(String model) {
        List<PeriodScore> s = scores.get(model);
        return s.get(s.size() - 1);
    }
}
