package dev.rnn4j.forecast.prep;

import dev.rnn4j.forecast.data.InvalidDataException;
import dev.rnn4j.forecast.data.TimeSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * All windows of a set of series, each scaled by its own level (see {@link LevelScaling}) so that a
 * global model sees series of very different magnitudes on one footing. Windows end at the series'
 * last observation and step back by the stride, so the most recent data is always used.
 *
 * @param inputs  [window][lookback] scaled inputs
 * @param targets [window][horizon] scaled targets
 * @param series  index of the series each window came from
 * @param start   index of each window's first input inside its series
 * @param levels  the level each window was scaled by
 */
public record Windows(float[][] inputs, float[][] targets, int[] series, int[] start, double[] levels) {

    public int size() {
        return inputs.length;
    }

    /**
     * Cuts windows from every series long enough for one; fails, naming the series' origin, when
     * none is.
     */
    public static Windows of(List<TimeSeries> all, WindowSpec spec, LevelScaling scaling) {
        List<float[]> in = new ArrayList<>();
        List<float[]> out = new ArrayList<>();
        List<Integer> sIdx = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            double[] y = all.get(s).valuesView();
            for (int start = y.length - spec.span(); start >= 0; start -= spec.stride()) {
                double level = scaling.level(y, start, spec.lookback());
                in.add(scaling.scale(y, start, spec.lookback(), level));
                out.add(scaling.scale(y, start + spec.lookback(), spec.horizon(), level));
                sIdx.add(s);
                starts.add(start);
                levels.add(level);
            }
        }
        if (in.isEmpty()) {
            TimeSeries shortest = all.stream().min(java.util.Comparator.comparingInt(TimeSeries::length)).orElseThrow();
            throw tooShort(shortest, spec.lookback(), spec.horizon());
        }
        return new Windows(in.toArray(float[][]::new), out.toArray(float[][]::new),
                sIdx.stream().mapToInt(Integer::intValue).toArray(), starts.stream().mapToInt(Integer::intValue).toArray(),
                levels.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The error for a series with fewer values than lookback + horizon. */
    public static InvalidDataException tooShort(TimeSeries s, int lookback, int horizon) {
        var o = s.origin();
        return new InvalidDataException(o.file(), o.firstLine(), o.column(), "series '" + s.id() + "' has "
                + s.length() + " values (up to line " + o.lastLine() + "), too few for lookback " + lookback
                + " + horizon " + horizon + " = " + (lookback + horizon) + "; shorten the lookback or the horizon");
    }
}
