package dev.rnn4j.forecast.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the published reference rows that sit beside the competition files: for M3 the sMAPE per
 * period recalculated from the original submissions, for Tourism the MASE and MAPE averaged over
 * the whole horizon (the last column of each period's table). Absent files give no rows.
 */
public final class ReferenceTables {

    /** M3 methods shown beside ours: the winner, the best commercial package, the required bar. */
    private static final Set<String> M3_SHOWN = Set.of("THETA", "ForecastPro", "NAIVE2", "SINGLE", "Auto-ANN");
    private static final Map<String, String> M3_COLUMNS = Map.of("Yearly", "YEARLY", "Quarterly", "QUARTERLY",
            "Monthly", "MONTHLY", "Other", "OTHER");

    private ReferenceTables() {
    }

    public static List<ReferenceRow> read(Suite suite, Path dir) throws IOException {
        return switch (suite) {
            case M3 -> m3(dir.resolve("m3_smape_by_method_recomputed.csv"));
            case TOURISM -> tourism(dir);
        };
    }

    private static List<ReferenceRow> m3(Path file) throws IOException {
        List<ReferenceRow> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (CSVRecord r : table(file).rows()) {
            String method = r.get(0);
            if (!M3_SHOWN.contains(method)) {
                continue;
            }
            Map<String, Double> byPeriod = new LinkedHashMap<>();
            for (Map.Entry<String, String> c : M3_COLUMNS.entrySet()) {
                double v = number(r.get(c.getKey()));
                if (!Double.isNaN(v)) {
                    byPeriod.put(c.getValue(), v);
                }
            }
            out.add(new ReferenceRow(method, "smape", byPeriod, number(r.get("All")), file.getFileName().toString()));
        }
        return out;
    }

    private static List<ReferenceRow> tourism(Path dir) throws IOException {
        Map<String, Map<String, Double>> mase = new LinkedHashMap<>();
        Map<String, Map<String, Double>> mape = new LinkedHashMap<>();
        for (String period : List.of("monthly", "quarterly", "yearly")) {
            Path file = dir.resolve("tcomp_reproduction_" + period + ".csv");
            if (!Files.exists(file)) {
                continue;
            }
            Table t = table(file);
            String whole = t.header().get(t.header().size() - 1);   // "1-24", "1-8", "1-4": the whole horizon
            for (CSVRecord r : t.rows()) {
                var target = r.get("measure").equals("MASE") ? mase : mape;
                target.computeIfAbsent(r.get("method"), k -> new LinkedHashMap<>())
                        .put(period.toUpperCase(java.util.Locale.ROOT), number(r.get(whole)));
            }
        }
        List<ReferenceRow> out = new ArrayList<>();
        mase.forEach((m, v) -> out.add(new ReferenceRow(m, "mase", v, Double.NaN, "tcomp_reproduction_*.csv")));
        mape.forEach((m, v) -> out.add(new ReferenceRow(m, "mape", v, Double.NaN, "tcomp_reproduction_*.csv")));
        return out;
    }

    private record Table(List<String> header, List<CSVRecord> rows) {
    }

    private static Table table(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).get())) {
            List<CSVRecord> rows = p.getRecords();
            return new Table(List.copyOf(p.getHeaderNames()), rows);
        }
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
