package dev.rnn4j.forecast.prep;

/**
 * A z-score transform (x - mean) / std whose statistics come from a training part only, so nothing
 * of the validation or test period leaks into the inputs. A constant training part gets std 1.
 */
public record ZScore(double mean, double std) {

    public ZScore {
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("a z-score needs a finite mean and a positive std, got mean=" + mean
                    + ", std=" + std + ".");
        }
    }

    /** Fits mean and (population) standard deviation to the given training values. */
    public static ZScore fit(double[] training) {
        if (training.length == 0) {
            throw new IllegalArgumentException("cannot fit a z-score to an empty training part.");
        }
        double mean = 0;
        for (double v : training) {
            mean += v;
        }
        mean /= training.length;
        double var = 0;
        for (double v : training) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / training.length);
        return new ZScore(mean, std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1);
    }

    public double[] transform(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean) / std;
        }
        return out;
    }

    public double[] inverse(double[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] * std + mean;
        }
        return out;
    }
}
