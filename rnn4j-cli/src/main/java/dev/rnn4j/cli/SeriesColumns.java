package dev.rnn4j.cli;

import dev.rnn4j.forecast.data.CsvSeriesReader;
import dev.rnn4j.forecast.data.CsvSpec;
import dev.rnn4j.forecast.data.FillPolicy;
import dev.rnn4j.forecast.data.TimeSeries;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of a series CSV hold the values, the time and the series id, and how gaps are
 * filled: a picocli mixin shared by {@code forecast backtest}, {@code train}, {@code predict}
 * and {@code model drift}, so all four read series alike.
 */
final class SeriesColumns {

    @Option(names = "--target", description = "Column to forecast (default: every numeric column).")
    String target;

    @Option(names = "--time", description = "Time column (ISO dates, year-months, numbers).")
    String time;

    @Option(names = "--series", description = "Series-id column, for many series in long format.")
    String series;

    @Option(names = "--fill", description = "Missing values: error, previous, linear or zero (default: error).")
    String fill;

    /** The series of {@code data}; {@code season} 0 lets the time column decide. */
    List<TimeSeries> read(Path data, int season) throws IOException {
        CsvSpec spec = new CsvSpec(target == null ? List.of() : List.of(target), time, series, List.of(), season, fillPolicy());
        return CsvSeriesReader.read(data, spec).series();
    }

    /** --fill, error when not given. */
    FillPolicy fillPolicy() {
        return FillPolicy.parse(fill == null ? "error" : fill);
    }

    /** The options given on the command line, by name, in declaration order (empty when none was). */
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        putIfGiven(given, "--target", target);
        putIfGiven(given, "--time", time);
        putIfGiven(given, "--series", series);
        putIfGiven(given, "--fill", fill);
        return given;
    }

    private static void putIfGiven(Map<String, String> given, String option, String value) {
        if (value != null) {
            given.put(option, value);
        }
    }
}
