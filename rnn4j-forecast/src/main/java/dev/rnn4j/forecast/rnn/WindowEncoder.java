package dev.rnn4j.forecast.rnn;

import dev.rnn4j.forecast.prep.LevelScaling;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.prep.SeasonalPosition;

import java.util.Arrays;

/**
 * Turns a stretch of a series into what the network reads: per step the value relative to the
 * window's level ({@link LevelScaling}), plus the sin/cos of the step's seasonal position when the
 * season is longer than 1. Targets are the next values on the same scale, so one network serves
 * series of any magnitude. Positive seasonal series may first be seasonally adjusted
 * ({@link SeasonalAdjustment}). Series shorter than a window are padded on the left with their
 * first value; the seasonal position still counts from the real first observation.
 *
 * @param scaling       how values are put relative to the window's level
 * @param period        season length m (1: no seasonal features)
 * @param lookback      input steps
 * @param deseasonalize whether seasonal series are divided by their seasonal indices first
 */
record WindowEncoder(LevelScaling scaling, int period, int lookback, boolean deseasonalize) {

    /** Scaled inputs further than this from the level are clipped, so an outlier cannot saturate every gate. */
    private static final float INPUT_LIMIT = 10f;

    int features() {
        return period > 1 ? 3 : 1;
    }

    /** The seasonal indices this encoder divides {@code y} by, or null. */
    double[] seasonalIndices(double[] y) {
        return deseasonalize ? SeasonalAdjustment.indices(y, period) : null;
    }

    /** The series' values with {@code pad} copies of the first value in front. */
    static double[] padLeft(double[] y, int pad) {
        if (pad <= 0) {
            return y;
        }
        double[] out = new double[y.length + pad];
        Arrays.fill(out, 0, pad, y[0]);
        System.arraycopy(y, 0, out, pad, y.length);
        return out;
    }

    /** The level of the lookback window starting at {@code start} of the padded values. */
    double level(double[] padded, int start) {
        return scaling.level(padded, start, lookback);
    }

    /**
     * Inputs of the window starting at {@code start} of {@code padded}: lookback x features, row-major.
     *
     * @param pad how many of {@code padded}'s first values are padding (for the seasonal position)
     */
    float[] inputs(TimeSeries s, double[] padded, int pad, int start, double level) {
        int f = features();
        float[] x = new float[lookback * f];
        for (int t = 0; t < lookback; t++) {
            double v = scaling.scale(padded[start + t], level);
            x[t * f] = (float) Math.max(-INPUT_LIMIT, Math.min(INPUT_LIMIT, v));
            if (f == 3) {
                double[] season = SeasonalPosition.features(s, start + t - pad, period);
                x[t * f + 1] = (float) season[0];
                x[t * f + 2] = (float) season[1];
            }
        }
        return x;
    }

    /** The {@code horizon} values after the window, on the network's scale. */
    float[] targets(double[] padded, int start, int horizon, double level) {
        float[] out = new float[horizon];
        for (int k = 0; k < horizon; k++) {
            out[k] = (float) scaling.scale(padded[start + lookback + k], level);
        }
        return out;
    }

    /** A network output back in data units. */
    double unscale(double output, double level) {
        return scaling.unscale(output, level);
    }
}
