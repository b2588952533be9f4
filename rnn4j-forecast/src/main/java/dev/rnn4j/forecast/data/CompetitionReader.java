package dev.rnn4j.forecast.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the competition format shared by the M3 and Tourism files: one row per series with columns
 * {@code series_id, period, frequency, n, h, train, test} (others ignored), train and test values
 * separated by spaces. The declared n and h are checked against the values.
 */
public final class CompetitionReader {

    private static final List<String> REQUIRED = List.of("series_id", "period", "frequency", "n", "h", "train", "test");

    private CompetitionReader() {
    }

    public static List<CompetitionSeries> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name);
        }
    }

    public static List<CompetitionSeries> read(Reader in, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            for (String col : REQUIRED) {
                if (!parser.getHeaderMap().containsKey(col)) {
                    throw new InvalidDataException(name, 1, col, "missing column; the competition format needs "
                            + String.join(", ", REQUIRED));
                }
            }
            List<CompetitionSeries> out = new ArrayList<>();
            for (CSVRecord row : parser) {
                out.add(parse(row, name, parser.getCurrentLineNumber()));
            }
            if (out.isEmpty()) {
                throw new InvalidDataException(name, 2, null, "no series rows after the header");
            }
            return out;
        }
    }

    private static CompetitionSeries parse(CSVRecord row, String file, long line) {
        String id = row.get("series_id");
        int frequency = integer(row, "frequency", file, line);
        int n = integer(row, "n", file, line);
        int h = integer(row, "h", file, line);
        double[] train = values(row.get("train"), "train", file, line);
        double[] test = values(row.get("test"), "test", file, line);
        if (train.length != n) {
            throw new InvalidDataException(file, line, "train", "series " + id + " declares n=" + n + " but has "
                    + train.length + " values");
        }
        if (test.length != h) {
            throw new InvalidDataException(file, line, "test", "series " + id + " declares h=" + h + " but has "
                    + test.length + " values");
        }
        String period = row.get("period");
        Origin origin = new Origin(file, "train", line, line);
        TimeSeries series = new TimeSeries(id, period, frequency, train, List.of(), List.of(), origin);
        return new CompetitionSeries(series, test, period);
    }

    private static int integer(CSVRecord row, String col, String file, long line) {
        String cell = row.get(col).trim();
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new InvalidDataException(file, line, col, "expected an integer, found '" + cell + "'");
        }
    }

    private static double[] values(String cell, String col, String file, long line) {
        String[] parts = cell.trim().split("\\s+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidDataException(file, line, col, "value " + (i + 1) + " should be a number, found '"
                        + parts[i] + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw new InvalidDataException(file, line, col, "value " + (i + 1) + " is " + parts[i]
                        + ", expected a finite number");
            }
        }
        return v;
    }
}
