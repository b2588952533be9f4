package dev.rnn4j.forecast.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.forecast.bench.BenchmarkResult;
import dev.rnn4j.forecast.bench.PeriodScore;
import dev.rnn4j.forecast.eval.BacktestResult;
import dev.rnn4j.forecast.eval.MetricSet;
import dev.rnn4j.forecast.eval.ModelResult;

import java.util.List;
import java.util.Locale;

/**
 * The one-line JSON objects that {@code --json} prints last: {@code results} is a list of objects
 * with {@code model} and the lower-case metrics {@code mae, rmse, mape, smape, mase} (null where
 * undefined).
 */
public final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    public static String backtest(BacktestOutcome outcome) {
        BacktestResult r = outcome.result();
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "backtest");
        root.put("source", r.source());
        var results = root.putArray("results");
        for (String name : r.ranking().order()) {
            ModelResult m = r.model(name);
            ObjectNode o = results.addObject();
            o.put("model", m.model());
            o.put("baseline", m.baseline());
            metrics(o, m.mean());
            o.put("seconds", m.seconds());
        }
        ObjectNode ranking = root.putObject("ranking");
        ranking.put("metric", r.ranking().metric());
        ranking.put("verdict", r.ranking().verdict());
        ranking.put("beats_baselines", r.ranking().candidateBeatsBaselines());
        ObjectNode plan = root.putObject("plan");
        plan.put("horizon", r.plan().horizon());
        plan.put("folds", r.plan().folds());
        plan.put("step", r.plan().step());
        plan.put("window", r.plan().window().name().toLowerCase(Locale.ROOT));
        plan.put("retrain", r.plan().retrain().name().toLowerCase(Locale.ROOT));
        r.warnings().forEach(root.putArray("warnings")::add);
        if (outcome.report() != null) {
            root.put("report", outcome.report().toString());
        } else {
            root.putNull("report");
        }
        return root.toString();
    }

    public static String benchmark(BenchmarkResult r, List<String> warnings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "benchmark");
        root.put("suite", r.suite().name().toLowerCase(Locale.ROOT));
        var results = root.putArray("results");
        r.scores().forEach((model, rows) -> {
            ObjectNode o = results.addObject();
            o.put("model", model);
            PeriodScore all = rows.get(rows.size() - 1);
            metrics(o, all.metrics());
            o.put("series", all.series());
            ObjectNode byPeriod = o.putObject("by_period");
            for (PeriodScore p : rows.subList(0, rows.size() - 1)) {
                metrics(byPeriod.putObject(p.period().toLowerCase(Locale.ROOT)), p.metrics());
            }
            o.put("seconds", r.seconds().get(model));
        });
        var refs = root.putArray("reference");
        r.reference().forEach(ref -> {
            ObjectNode o = refs.addObject();
            o.put("method", ref.method());
            o.put("metric", ref.metric());
            ref.byPeriod().forEach((p, v) -> o.put(p.toLowerCase(Locale.ROOT), v));
            if (Double.isFinite(ref.overall())) {
                o.put("all", ref.overall());
            }
        });
        warnings.forEach(root.putArray("warnings")::add);
        return root.toString();
    }

    private static void metrics(ObjectNode o, MetricSet m) {
        for (String k : MetricSet.NAMES) {
            double v = m.get(k);
            if (Double.isFinite(v)) {
                o.put(k, v);
            } else {
                o.putNull(k);
            }
        }
    }
}
