package dev.rnn4j.forecast.prep;

/**
 * Per-window level scaling for global models: each window is expressed relative to the level of
 * its own lookback (the mean absolute value), so one model learns shapes shared by series of any
 * magnitude. Every variant centres on 0.
 * <ul>
 *   <li>{@link #LOG_RATIO}, for strictly positive data (the competition series, sales): the log of
 *   the ratio to the level, so growth and decline are symmetric and the trend multiplicative;</li>
 *   <li>{@link #RATIO}, for non-negative data with zeros (counts): the ratio minus 1;</li>
 *   <li>{@link #DIFFERENCE}, for data that goes negative (typically already z-scored): the
 *   difference from the lookback mean.</li>
 * </ul>
 */
public enum LevelScaling {
    LOG_RATIO {
        @Override
        public double scale(double v, double level) {
            return Math.log(Math.max(v, 1e-9 * level) / level);
        }

        @Override
        public double unscale(double v, double level) {
            // exp(20) is already 5e8 times the level: a cap that keeps a wild output finite
            return level * Math.exp(Math.min(v, 20));
        }
    },
    RATIO {
        @Override
        public double scale(double v, double level) {
            return v / level - 1;
        }

        @Override
        public double unscale(double v, double level) {
            return (v + 1) * level;
        }
    },
    DIFFERENCE {
        @Override
        public double level(double[] y, int from, int length) {
            double s = 0;
            for (int i = from; i < from + length; i++) {
                s += y[i];
            }
            return s / length;
        }

        @Override
        public double scale(double v, double level) {
            return v - level;
        }

        @Override
        public double unscale(double v, double level) {
            return v + level;
        }
    };

    /** The level of y[from, from+length): its mean absolute value (1 when that is 0). */
    public double level(double[] y, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += Math.abs(y[i]);
        }
        double m = s / length;
        return m > 0 ? m : 1;
    }

    /** One value relative to the level. */
    public abstract double scale(double v, double level);

    /** Back from the scaled space to data units. */
    public abstract double unscale(double v, double level);

    /** y[from, from+length) relative to the level. */
    public float[] scale(double[] y, int from, int length, double level) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = (float) scale(y[from + i], level);
        }
        return out;
    }

    /** The level of the last {@code lookback} values of y: the forecast origin's window. */
    public double lastLevel(double[] y, int lookback) {
        return level(y, y.length - lookback, lookback);
    }

    /** LOG_RATIO when every value is positive, RATIO when none is negative, DIFFERENCE otherwise. */
    public static LevelScaling choose(Iterable<double[]> series) {
        LevelScaling linear = chooseLinear(series);
        if (linear == RATIO) {
            for (double[] y : series) {
                for (double v : y) {
                    if (v == 0) {
                        return RATIO;
                    }
                }
            }
            return LOG_RATIO;
        }
        return linear;
    }

    /**
     * RATIO when no value is negative, DIFFERENCE otherwise: for models whose trees or weights
     * work on the linear scale (the gradient-boosting baseline).
     */
    public static LevelScaling chooseLinear(Iterable<double[]> series) {
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
