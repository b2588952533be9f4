package dev.rnn4j.cli;

import dev.rnn4j.forecast.data.CsvSeriesReader;
import dev.rnn4j.forecast.data.CsvSpec;
import dev.rnn4j.forecast.data.FillPolicy;
import dev.rnn4j.forecast.data.TimeSeries;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** How {@code forecast train} and {@code predict} read their CSV (a picocli mixin onto {@link CsvSpec}). */
final class ForecastSeriesOptions {

    @Option(names = "--data", required = true, description = "CSV file: a header row, a time column, numeric columns.")
    Path data;

    @Option(names = "--target", description = "Column to forecast (default: every numeric column).")
    String target;

    @Option(names = "--time", description = "Time column.")
    String time;

    @Option(names = "--series", description = "Series-id column, for many series in long format.")
    String series;

    @Option(names = "--season", defaultValue = "0", description = "Season length; 0: inferred from the time column.")
    int season;

    @Option(names = "--fill", defaultValue = "error", description = "Missing values: error, previous, linear or zero (default: ${DEFAULT-VALUE}).")
    String fill;

    List<TimeSeries> read() throws IOException {
        return read(data, target, time, series, season, fill);
    }

    /** The series of {@code data} read with these options' values (model drift takes them without this mixin). */
    static List<TimeSeries> read(Path data, String target, String time, String series, int season, String fill) throws IOException {
        CsvSpec spec = new CsvSpec(target == null ? List.of() : List.of(target), time, series, List.of(), season,
                FillPolicy.parse(fill));
        return CsvSeriesReader.read(data, spec).series();
    }
}
