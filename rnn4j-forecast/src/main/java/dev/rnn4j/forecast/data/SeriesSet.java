package dev.rnn4j.forecast.data;

import java.util.List;

/**
 * The series of one data set, in file order.
 *
 * @param source a short name for reports (the file name)
 * @param series at least one series
 */
public record SeriesSet(String source, List<TimeSeries> series) {

    public SeriesSet {
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException(source + ": no series found.");
        }
    }

    public int size() {
        return series.size();
    }

    /** The shortest series length, which bounds lookback + horizon. */
    public int minLength() {
        return series.stream().mapToInt(TimeSeries::length).min().orElse(0);
    }
}
