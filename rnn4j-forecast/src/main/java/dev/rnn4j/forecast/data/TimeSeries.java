package dev.rnn4j.forecast.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One univariate target series, equally spaced in time, with optional aligned covariates.
 *
 * @param id          series name (the series-id value in long CSVs, the target column otherwise)
 * @param category    free label used to group results (M3 period, "MICRO", ...); empty if none
 * @param frequency   observations per seasonal cycle (12 monthly, 4 quarterly, 1 none)
 * @param values      the target values, oldest first, all finite
 * @param times       time labels as read (same length as values), or an empty list
 * @param covariates  covariate channels aligned with values (may be empty)
 * @param origin      where the values came from, for error messages
 */
public record TimeSeries(String id, String category, int frequency, double[] values, List<String> times,
                         List<Covariate> covariates, Origin origin) {

    /** A named covariate channel aligned with the target. */
    public record Covariate(String name, double[] values) {
        public Covariate {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }
    }

    public TimeSeries {
        Objects.requireNonNull(id, "id");
        category = category == null ? "" : category;
        if (frequency < 1) {
            throw new IllegalArgumentException("Series '" + id + "': frequency must be at least 1, got " + frequency + ".");
        }
        values = values.clone();
        times = times == null ? List.of() : List.copyOf(times);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        origin = origin == null ? Origin.inMemory(id) : origin;
        if (!times.isEmpty() && times.size() != values.length) {
            throw new IllegalArgumentException("Series '" + id + "': " + times.size() + " time labels for "
                    + values.length + " values.");
        }
        for (Covariate c : covariates) {
            if (c.values().length != values.length) {
                throw new IllegalArgumentException("Series '" + id + "': covariate '" + c.name() + "' has "
                        + c.values().length + " values, the target has " + values.length + ".");
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(origin.describe() + ": value " + (i + 1) + " is " + values[i]
                        + ", expected a finite number.");
            }
        }
    }

    /** A plain series without labels or covariates. */
    public static TimeSeries of(String id, int frequency, double... values) {
        return new TimeSeries(id, "", frequency, values, List.of(), List.of(), Origin.inMemory(id));
    }

    public int length() {
        return values.length;
    }

    /** The values, not copied: callers must not write to it. */
    public double[] valuesView() {
        return values;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The first {@code n} observations (times and covariates cut alike). */
    public TimeSeries head(int n) {
        return slice(0, n);
    }

    /** Observations [from, to). */
    public TimeSeries slice(int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IllegalArgumentException("Series '" + id + "': slice [" + from + ", " + to + ") outside 0.."
                    + values.length + ".");
        }
        List<Covariate> cut = covariates.stream()
                .map(c -> new Covariate(c.name(), Arrays.copyOfRange(c.values(), from, to))).toList();
        List<String> t = times.isEmpty() ? List.of() : times.subList(from, to);
        return new TimeSeries(id, category, frequency, Arrays.copyOfRange(values, from, to), t, cut, origin);
    }

    /** Same series with other values (a scaled copy, say); labels, covariates and origin kept. */
    public TimeSeries withValues(double[] newValues) {
        return new TimeSeries(id, category, frequency, newValues, times, covariates, origin);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && id.equals(t.id) && category.equals(t.category) && frequency == t.frequency
                && Arrays.equals(values, t.values) && times.equals(t.times);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, category, frequency, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[" + id + ", n=" + values.length + ", frequency=" + frequency + "]";
    }
}
