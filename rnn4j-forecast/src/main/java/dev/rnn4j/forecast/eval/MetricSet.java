package dev.rnn4j.forecast.eval;

import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** MAE, RMSE, MAPE (%), sMAPE (%), MASE of one forecast, or their means over many. */
public record MetricSet(double mae, double rmse, double mape, double smape, double mase) {

    /** Metric names in table order, as used in JSON keys. */
    public static final java.util.List<String> NAMES = java.util.List.of("mae", "rmse", "mape", "smape", "mase");

    /** The value of a metric by its lower-case name. */
    public double get(String name) {
        return switch (name) {
            case "mae" -> mae;
            case "rmse" -> rmse;
            case "mape" -> mape;
            case "smape" -> smape;
            case "mase" -> mase;
            default -> throw new IllegalArgumentException("Unknown metric '" + name + "'; expected one of "
                    + String.join(", ", NAMES) + ".");
        };
    }

    /** Mean of each metric over the sets where it is defined (NaN entries are left out). */
    public static MetricSet mean(Collection<MetricSet> sets) {
        return new MetricSet(mean(sets, MetricSet::mae), mean(sets, MetricSet::rmse), mean(sets, MetricSet::mape),
                mean(sets, MetricSet::smape), mean(sets, MetricSet::mase));
    }

    private static double mean(Collection<MetricSet> sets, ToDoubleFunction<MetricSet> f) {
        double s = 0;
        int n = 0;
        for (MetricSet m : sets) {
            double v = f.applyAsDouble(m);
            if (Double.isFinite(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
