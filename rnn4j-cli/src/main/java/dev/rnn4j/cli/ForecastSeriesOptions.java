package dev.rnn4j.cli;

import dev.rnn4j.forecast.data.TimeSeries;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** How {@code forecast train} and {@code predict} read their CSV: the file, its {@link SeriesColumns} and the season. */
final class ForecastSeriesOptions {

    @Option(names = "--data", required = true, description = "CSV file: a header row, a time column, numeric columns.")
    Path data;

    @Mixin
    SeriesColumns columns;

    @Option(names = "--season", defaultValue = "0", description = "Season length; 0: inferred from the time column.")
    int season;

    List<TimeSeries> read() throws IOException {
        return columns.read(data, season);
    }
}
