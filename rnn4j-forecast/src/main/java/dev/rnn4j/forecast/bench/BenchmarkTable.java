package dev.rnn4j.forecast.bench;

import java.util.List;
import java.util.Locale;

/** Plain-text tables of a benchmark: our models, then the published rows, per measure. */
public final class BenchmarkTable {

    private BenchmarkTable() {
    }

    public static String format(BenchmarkResult r) {
        StringBuilder sb = new StringBuilder();
        List<String> metrics = r.suite() == Suite.M3 ? List.of("smape", "mase") : List.of("mase", "mape");
        for (String metric : metrics) {
            sb.append(table(r, metric)).append('\n');
        }
        r.seconds().forEach((m, s) -> sb.append(String.format(Locale.ROOT, "%-16s %8.1f s%n", m, s)));
        return sb.toString();
    }

    private static String table(BenchmarkResult r, String metric) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.suite().name()).append(' ').append(metric.toUpperCase(Locale.ROOT))
                .append(" (mean over series)\n");
        sb.append(String.format(Locale.ROOT, "%-22s", "method"));
        for (String p : r.periods()) {
            sb.append(String.format(Locale.ROOT, "%11s", p.toLowerCase(Locale.ROOT)));
        }
        sb.append(String.format(Locale.ROOT, "%11s%n", "all"));
        r.scores().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            sb.append(String.format(Locale.ROOT, "%-22s", e.getKey()));
            for (PeriodScore s : e.getValue()) {
                sb.append(String.format(Locale.ROOT, "%11.3f", s.get(metric)));
            }
            sb.append('\n');
        });
        for (ReferenceRow ref : r.reference()) {
            if (!ref.metric().equals(metric)) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-22s", "published " + ref.method()));
            for (String p : r.periods()) {
                Double v = ref.byPeriod().get(p);
                sb.append(v == null ? String.format(Locale.ROOT, "%11s", "-") : String.format(Locale.ROOT, "%11.2f", v));
            }
            sb.append(Double.isNaN(ref.overall()) ? String.format(Locale.ROOT, "%11s", "-")
                    : String.format(Locale.ROOT, "%11.2f", ref.overall()));
            sb.append('\n');
        }
        return sb.toString();
    }
}
