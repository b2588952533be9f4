package dev.rnn4j.forecast.rnn;

/**
 * How a window is put on the network's scale, relative to its level (the mean absolute value of its
 * lookback). {@link #LOG_RATIO} for strictly positive data (the competition series, sales): the log
 * of the ratio to the level, so growth and decline are symmetric and the trend multiplicative;
 * {@link #RATIO} for non-negative data with zeros: the ratio minus 1; {@link #DIFFERENCE} for data
 * that goes negative (z-scored series): the difference from the level. All three centre on 0.
 */
enum WindowScaling {
    LOG_RATIO {
        @Override
        double scale(double v, double level) {
            return Math.log(Math.max(v, 1e-9 * level) / level);
        }

        @Override
        double unscale(double v, double level) {
            return level * Math.exp(Math.min(v, 20));
        }
    },
    RATIO {
        @Override
        double scale(double v, double level) {
            return v / level - 1;
        }

        @Override
        double unscale(double v, double level) {
            return (v + 1) * level;
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
        double scale(double v, double level) {
            return v - level;
        }

        @Override
        double unscale(double v, double level) {
            return v + level;
        }
    };

    /** The level of y[from, from+length): its mean absolute value (1 when that is 0). */
    double level(double[] y, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += Math.abs(y[i]);
        }
        double m = s / length;
        return m > 0 ? m : 1;
    }

    abstract double scale(double v, double level);

    abstract double unscale(double v, double level);

    /** LOG_RATIO when every value is positive, RATIO when none is negative, DIFFERENCE otherwise. */
    static WindowScaling choose(Iterable<double[]> series) {
        boolean positive = true;
        for (double[] y : series) {
            for (double v : y) {
                if (v < 0) {
                    return DIFFERENCE;
                }
                positive &= v > 0;
            }
        }
        return positive ? LOG_RATIO : RATIO;
    }
}
