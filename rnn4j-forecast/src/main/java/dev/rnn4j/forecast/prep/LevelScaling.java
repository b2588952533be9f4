package dev.rnn4j.forecast.prep;

/**
 * Per-window level scaling for global models: each window is expressed relative to the level of
 * its own lookback, so one model can learn shapes shared by series of any magnitude.
 * {@link #RATIO} divides by the mean absolute lookback value (for non-negative data such as sales,
 * counts or the competition series, zeros included); {@link #DIFFERENCE} subtracts the lookback mean
 * (for data that goes negative, typically already z-scored).
 */
public enum LevelScaling {
    RATIO {
        @Override
        double level(double[] y, int from, int length) {
            double s = 0;
            for (int i = from; i < from + length; i++) {
                s += Math.abs(y[i]);
            }
            double m = s / length;
            return m > 0 ? m : 1;
        }

        @Override
        float scaleOne(double v, double level) {
            return (float) (v / level);
        }

        @Override
        public double unscale(double v, double level) {
            return v * level;
        }
    },
    DIFFERENCE {
        @Override
        double level(double[] y, int from, int length) {
            double s = 0;
            for (int i = from; i < from + length; i++) {
                s += y[i];
            }
            return s / length;
        }

        @Override
        float scaleOne(double v, double level) {
            return (float) (v - level);
        }

        @Override
        public double unscale(double v, double level) {
            return v + level;
        }
    };

    /** The level of y[from, from+length). */
    abstract double level(double[] y, int from, int length);

    abstract float scaleOne(double v, double level);

    /** Back from the scaled space to data units. */
    public abstract double unscale(double v, double level);

    /** y[from, from+length) relative to the level. */
    public float[] scale(double[] y, int from, int length, double level) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = scaleOne(y[from + i], level);
        }
        return out;
    }

    /** The level of the last {@code lookback} values of y: the forecast origin's window. */
    public double lastLevel(double[] y, int lookback) {
        return level(y, y.length - lookback, lookback);
    }

    /** RATIO when no value is negative, DIFFERENCE otherwise. */
    public static LevelScaling choose(Iterable<double[]> series) {
        for (double[] y : series) {
            for (double v : y) {
                if (v < 0) {
                    return DIFFERENCE;
                }
            }
        }
        return RATIO;
    }
}
