package dev.rnn4j.forecast.prep;

import dev.rnn4j.forecast.data.TimeSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warns about inputs whose scale would saturate sigmoid and tanh gates: once weighted inputs pass
 * |x| of about 4 the gates' slopes vanish and a recurrent network stops learning from that channel.
 * Raw columns are checked against that bound when a model would see them unscaled. Z-scored
 * columns are only flagged far beyond it ({@link #SCALED_LIMIT} deviations of the training part:
 * a level shift or a broken sensor, not the ordinary peaks of a skewed series such as sunspots).
 */
public final class SaturationCheck {

    /** Where tanh' falls below 0.001 and sigmoid' below 0.02. */
    public static final double LIMIT = 4.0;
    /** Z-scores beyond this many training deviations are flagged. */
    public static final double SCALED_LIMIT = 8.0;

    private SaturationCheck() {
    }

    /**
     * One warning per target or covariate column whose values, as the model would see them, reach
     * |x| &gt; {@link #LIMIT} raw (when {@code scaled} is false) or &gt; {@link #SCALED_LIMIT} z-scored
     * with the statistics of the first {@code trainLength} values.
     */
    public static List<String> warnings(List<TimeSeries> series, boolean scaled, int trainLength) {
        List<String> out = new ArrayList<>();
        for (TimeSeries s : series) {
            check(s.origin().column(), s.id(), s.valuesView(), scaled, trainLength, out);
            for (TimeSeries.Covariate c : s.covariates()) {
                check(c.name(), s.id(), c.values(), scaled, trainLength, out);
            }
        }
        return out;
    }

    private static void check(String column, String id, double[] v, boolean scaled, int trainLength, List<String> out) {
        double[] x = v;
        if (scaled) {
            int n = Math.max(1, Math.min(trainLength, v.length));
            x = ZScore.fit(java.util.Arrays.copyOf(v, n)).transform(v);
        }
        double max = 0;
        for (double d : x) {
            max = Math.max(max, Math.abs(d));
        }
        if (!scaled && max > LIMIT) {
            out.add(String.format(Locale.ROOT, "Column '%s' (series '%s') reaches |x| = %.3g unscaled, beyond %.0f where "
                    + "tanh and sigmoid gates saturate; z-score it (the default) before training a recurrent model",
                    column, id, max, LIMIT));
        } else if (scaled && max > SCALED_LIMIT) {
            out.add(String.format(Locale.ROOT, "Column '%s' (series '%s') reaches |x| = %.3g after z-scoring with the "
                    + "training part's statistics, so it would still saturate tanh and sigmoid gates; look for a level "
                    + "shift or outliers, or take logs", column, id, max));
        }
    }
}
