package dev.rnn4j.forecast.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads time series from a CSV file with a header row: wide (one series per target column) or long
 * (a series-id column, rows of many series interleaved or grouped). Every problem is reported as an
 * {@link InvalidDataException} naming the file, the line and the column.
 */
public final class CsvSeriesReader {

    private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "n/a", "?");

    private CsvSeriesReader() {
    }

    public static SeriesSet read(Path file, CsvSpec spec) throws IOException {
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name, spec);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "the data file does not exist");
        }
    }

    public static SeriesSet read(Reader in, String name, CsvSpec spec) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true)
                .setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<CSVRecord> rows = parser.getRecords();
            if (rows.isEmpty()) {
                throw new InvalidDataException(name, 1, null, "the file is empty, expected a header row");
            }
            Header header = Header.of(rows.get(0), name);
            Columns cols = Columns.resolve(header, spec, rows, name);
            Map<String, SeriesBuilder> bySeries = new LinkedHashMap<>();
            for (int r = 1; r < rows.size(); r++) {
                CSVRecord row = rows.get(r);
                long line = r + 1L;   // one record per line: we keep empty lines, so record r is line r+1
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;         // a blank line
                }
                if (row.size() != header.size()) {
                    throw new InvalidDataException(name, line, null, "expected " + header.size()
                            + " fields as in the header, found " + row.size());
                }
                String key = cols.series < 0 ? "" : row.get(cols.series);
                if (cols.series >= 0 && key.isEmpty()) {
                    throw new InvalidDataException(name, line, header.name(cols.series),
                            "expected a series id, found an empty cell");
                }
                SeriesBuilder b = bySeries.computeIfAbsent(key, k -> new SeriesBuilder(cols.targets.length,
                        cols.covariates.length));
                b.add(row, line, cols, header, name);
            }
            if (bySeries.isEmpty()) {
                throw new InvalidDataException(name, 2, null, "the file has a header but no data rows");
            }
            List<TimeSeries> out = new ArrayList<>();
            for (Map.Entry<String, SeriesBuilder> e : bySeries.entrySet()) {
                out.addAll(e.getValue().build(e.getKey(), cols, header, spec, name));
            }
            return new SeriesSet(name, out);
        }
    }

    /** Column names and their positions. */
    private record Header(List<String> names, Map<String, Integer> index) {
        static Header of(CSVRecord row, String file) {
            List<String> names = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                String n = row.get(i);
                if (i == 0 && n.startsWith("\uFEFF")) {
                    n = n.substring(1);   // a byte-order mark from spreadsheet exports
                }
                if (index.putIfAbsent(n, i) != null) {
                    throw new InvalidDataException(file, 1, n, "the header names this column twice");
                }
                names.add(n);
            }
            return new Header(names, index);
        }

        int size() {
            return names.size();
        }

        String name(int i) {
            return names.get(i);
        }

        int require(String column, String role, String file) {
            Integer i = index.get(column);
            if (i == null) {
                throw new InvalidDataException(file, 1, column, "no such " + role + " column; the header has "
                        + String.join(", ", names));
            }
            return i;
        }
    }

    /** Positions of the columns the spec asks for. */
    private record Columns(int time, int series, int[] targets, int[] covariates) {
        static Columns resolve(Header h, CsvSpec spec, List<CSVRecord> rows, String file) {
            int time = spec.timeColumn() == null ? -1 : h.require(spec.timeColumn(), "time", file);
            int series = spec.seriesColumn() == null ? -1 : h.require(spec.seriesColumn(), "series-id", file);
            int[] cov = spec.covariates().stream().mapToInt(c -> h.require(c, "covariate", file)).toArray();
            int[] targets;
            if (!spec.targets().isEmpty()) {
                targets = spec.targets().stream().mapToInt(c -> h.require(c, "target", file)).toArray();
            } else {
                targets = numericColumnsExcept(h, rows, time, series, cov);
                if (targets.length == 0) {
                    throw new InvalidDataException(file, 1, null, "no numeric column left to forecast; name the "
                            + "target column explicitly");
                }
            }
            return new Columns(time, series, targets, cov);
        }

        private static int[] numericColumnsExcept(Header h, List<CSVRecord> rows, int time, int series, int[] cov) {
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < h.size(); c++) {
                int col = c;
                if (c == time || c == series || java.util.Arrays.stream(cov).anyMatch(x -> x == col)) {
                    continue;
                }
                if (rows.size() > 1 && rows.get(1).size() > c && parseNumber(rows.get(1).get(c)) != null) {
                    out.add(c);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Parses a number; null for text; NaN for a missing-value marker. */
    private static Double parseNumber(String cell) {
        if (MISSING.contains(cell.toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(cell);
            return Double.isInfinite(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Collects the rows of one series. */
    private static final class SeriesBuilder {
        private final List<double[]> targets = new ArrayList<>();
        private final List<double[]> covariates = new ArrayList<>();
        private final List<String> times = new ArrayList<>();
        private final List<Long> lines = new ArrayList<>();
        private final int nTargets;
        private final int nCovariates;
        private double lastTime = Double.NEGATIVE_INFINITY;
        private String lastLabel;

        SeriesBuilder(int nTargets, int nCovariates) {
            this.nTargets = nTargets;
            this.nCovariates = nCovariates;
        }

        void add(CSVRecord row, long line, Columns cols, Header h, String file) {
            if (cols.time >= 0) {
                String label = row.get(cols.time);
                double t = TimeAxis.parse(label);
                if (Double.isNaN(t)) {
                    throw new InvalidDataException(file, line, h.name(cols.time), "expected a time (2024-01-31, "
                            + "2024-01-31T12:00, 2024-01 or a number), found '" + label + "'");
                }
                if (t <= lastTime) {
                    throw new InvalidDataException(file, line, h.name(cols.time), "time '" + label
                            + "' is not after the previous row's '" + lastLabel + "'; rows of a series must be in "
                            + "increasing time order (sort the file; shuffled rows are refused)");
                }
                lastTime = t;
                lastLabel = label;
                times.add(label);
            }
            targets.add(numbers(row, cols.targets, line, h, file));
            covariates.add(numbers(row, cols.covariates, line, h, file));
            lines.add(line);
        }

        private static double[] numbers(CSVRecord row, int[] idx, long line, Header h, String file) {
            double[] v = new double[idx.length];
            for (int j = 0; j < idx.length; j++) {
                String cell = row.get(idx[j]);
                Double d = parseNumber(cell);
                if (d == null) {
                    throw new InvalidDataException(file, line, h.name(idx[j]), "expected a number, found '"
                            + cell + "'");
                }
                v[j] = d;
            }
            return v;
        }

        List<TimeSeries> build(String key, Columns cols, Header h, CsvSpec spec, String file) {
            int n = targets.size();
            int frequency = spec.frequency() > 0 ? spec.frequency() : TimeAxis.inferFrequency(times);
            List<TimeSeries.Covariate> covs = new ArrayList<>();
            for (int c = 0; c < nCovariates; c++) {
                covs.add(new TimeSeries.Covariate(h.name(cols.covariates[c]),
                        column(covariates, c, n, h.name(cols.covariates[c]), spec.fill(), file)));
            }
            List<TimeSeries> out = new ArrayList<>();
            for (int t = 0; t < nTargets; t++) {
                String col = h.name(cols.targets[t]);
                double[] v = column(targets, t, n, col, spec.fill(), file);
                String id = key.isEmpty() ? col : (nTargets == 1 ? key : key + "/" + col);
                Origin origin = new Origin(file, col, lines.get(0), lines.get(n - 1));
                out.add(new TimeSeries(id, "", frequency, v, times, covs, origin));
            }
            return out;
        }

        private double[] column(List<double[]> rows, int j, int n, String col, FillPolicy fill, String file) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rows.get(i)[j];
                if (Double.isNaN(v[i]) && fill == FillPolicy.ERROR) {
                    throw new InvalidDataException(file, lines.get(i), col, "missing value (empty or NaN), "
                            + "expected a number; choose a fill policy (previous, linear, zero) to fill gaps");
                }
            }
            if (java.util.Arrays.stream(v).allMatch(Double::isNaN)) {
                throw new InvalidDataException(file, lines.get(0), col, "every value is missing");
            }
            Gaps.fill(v, fill);
            return v;
        }
    }
}
