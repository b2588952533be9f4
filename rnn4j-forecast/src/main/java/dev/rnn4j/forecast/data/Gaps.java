package dev.rnn4j.forecast.data;

/** Fills NaN gaps in place by a {@link FillPolicy}. */
final class Gaps {

    private Gaps() {
    }

    static void fill(double[] v, FillPolicy policy) {
        switch (policy) {
            case ERROR -> { }
            case ZERO -> {
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = 0;
                    }
                }
            }
            case PREVIOUS -> {
                double last = firstValid(v);
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = last;
                    } else {
                        last = v[i];
                    }
                }
            }
            case LINEAR -> linear(v);
        }
    }

    private static double firstValid(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return x;
            }
        }
        return Double.NaN;
    }

    private static void linear(double[] v) {
        int prev = -1;
        for (int i = 0; i <= v.length; i++) {
            if (i < v.length && Double.isNaN(v[i])) {
                continue;
            }
            // v[prev+1 .. i-1] is a gap between valid prev (or none) and valid i (or none)
            for (int k = prev + 1; k < i; k++) {
                if (prev < 0) {
                    v[k] = v[i];
                } else if (i == v.length) {
                    v[k] = v[prev];
                } else {
                    double w = (double) (k - prev) / (i - prev);
                    v[k] = v[prev] + w * (v[i] - v[prev]);
                }
            }
            prev = i;
        }
    }
}
