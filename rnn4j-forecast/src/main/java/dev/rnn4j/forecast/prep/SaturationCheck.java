package dev.rnn4j.forecast.prep;

import dev.rnn4j.forecast.data.TimeSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warns about inputs whose scale would saturate sigmoid and tanh gates: beyond |x| of about 4 their
 * slopes vanish and a recurrent network stops learning from that channel. Raw columns are checked
 * when a model would see them unscaled; scaled ones when values far outside the training range
 * (after the z-score) would still reach such magnitudes.
 */
public final class SaturationCheck {

    /** Where tanh' falls below 0.001 and sigmoid' below 0.02. */
    public static final double LIMIT = 4.0;

    private SaturationCheck() {
    }

    /**
     * One warning per target or covariate column whose values reach |x| &gt; {@link #LIMIT}, as the
     * model would see them: raw if {@code scaled} is false, else z-scored with the statistics of
     * the first {@code trainLength} values.
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
        if (max > LIMIT) {
            out.add(String.format(Locale.ROOT, "Column '%s' (series '%s') reaches |x| = %.3g %s, beyond %.0f where "
                    + "tanh and sigmoid gates saturate; %s", column, id, max, scaled ? "after z-scoring" : "unscaled",
                    LIMIT, scaled ? "consider a log transform or a longer training part"
                            : "z-score it (the default) before training a recurrent model"));
        }
    }
}
