package dev.rnn4j.monitor;

import java.util.Arrays;

/**
 * The distribution of one layer's hidden-state norms seen on validation data at training time, as
 * stored in a model card: mean, standard deviation, and the deciles that cut it into ten bins of
 * equal reference mass (the bins the drift score compares against).
 *
 * @param mean            mean of ||h_t||
 * @param std             standard deviation of ||h_t||
 * @param deciles         the 10%, 20%, ..., 90% quantiles, ascending (9 values)
 * @param saturationRate  fraction of gate activations within 0.05 of their bounds (0 when not measured)
 * @param count           how many states the profile was fitted on
 */
public record NormProfile(double mean, double std, double[] deciles, double saturationRate, long count) {

    public static final int BINS = 10;

    public NormProfile {
        if (deciles == null || deciles.length != BINS - 1) {
            throw new IllegalArgumentException("deciles must have " + (BINS - 1) + " values, got "
                    + (deciles == null ? "null" : deciles.length) + ".");
        }
        for (int i = 1; i < deciles.length; i++) {
            if (!(deciles[i] >= deciles[i - 1])) {
                throw new IllegalArgumentException("deciles must be ascending, got " + Arrays.toString(deciles) + ".");
            }
        }
        deciles = deciles.clone();
    }

    /** Fits a profile to observed norms (at least {@value #BINS} of them). */
    public static NormProfile fit(double[] norms, double saturationRate) {
        if (norms.length < BINS) {
            throw new IllegalArgumentException("A norm profile needs at least " + BINS + " observations, got " + norms.length + ".");
        }
        double[] sorted = norms.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / sorted.length;
        double sq = 0;
        for (double v : sorted) {
            sq += (v - mean) * (v - mean);
        }
        double[] deciles = new double[BINS - 1];
        for (int q = 1; q < BINS; q++) {
            deciles[q - 1] = quantile(sorted, q / (double) BINS);
        }
        return new NormProfile(mean, Math.sqrt(sq / sorted.length), deciles, saturationRate, sorted.length);
    }

    /** Linear-interpolated quantile of sorted data (numpy's default rule). */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The bin (0..9) a norm falls in. */
    public int bin(double norm) {
        int lo = 0;
        int hi = deciles.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (norm > deciles[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public double[] deciles() {
        return deciles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormProfile p && p.mean == mean && p.std == std && Arrays.equals(p.deciles, deciles)
                && p.saturationRate == saturationRate && p.count == count;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(mean) * 31 + Arrays.hashCode(deciles);
    }

    @Override
    public String toString() {
        return "NormProfile[mean=" + mean + ", std=" + std + ", deciles=" + Arrays.toString(deciles)
                + ", saturationRate=" + saturationRate + ", count=" + count + "]";
    }
}
