package dev.rnn4j.forecast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.eval.BacktestPlan;
import dev.rnn4j.forecast.eval.BacktestResult;
import dev.rnn4j.forecast.eval.FoldForecast;
import dev.rnn4j.forecast.eval.MetricSet;
import dev.rnn4j.forecast.eval.ModelResult;
import dev.rnn4j.forecast.model.Forecaster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a backtest as one self-contained HTML file: uPlot's script and style are inlined from its
 * WebJar and the data is embedded as JSON, so the report opens offline and can be mailed around.
 * Sections: verdict and warnings, metrics table in ranking order, forecasts against actuals per
 * series and fold (selectable), loss curves of iteratively trained models, model cards.
 */
public final class HtmlReport {

    /** uPlot's version, as in the WebJar on the class path. */
    public static final String UPLOT_VERSION = "1.6.30";
    private static final String UPLOT_DIR = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
    /** How many values before the first forecast origin the chart shows, in multiples of the tested span. */
    private static final int CONTEXT_SPANS = 3;
    /** Series charted at most; metrics still cover all of them, the report just stays small. */
    static final int MAX_CHARTED_SERIES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /** Writes the report atomically (a temporary file beside it, then a rename). */
    public static void write(BacktestResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // not Files.createTempFile: its owner-only permissions would stick to the report
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, render(result), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String render(BacktestResult result) {
        String json;
        try {
            json = JSON.writeValueAsString(data(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // "</" inside a script element would end it early
        json = json.replace("</", "<\\/");
        return resource("/dev/rnn4j/forecast/report/template.html")
                .replace("{{TITLE}}", escape(result.source()))
                .replace("{{UPLOT_CSS}}", resource(UPLOT_DIR + "uPlot.min.css"))
                .replace("{{DATA}}", json)
                .replace("{{UPLOT_JS}}", resource(UPLOT_DIR + "uPlot.iife.min.js"))
                .replace("{{REPORT_JS}}", resource("/dev/rnn4j/forecast/report/report.js"));
    }

    private static ObjectNode data(BacktestResult r) {
        ObjectNode root = JSON.createObjectNode();
        BacktestPlan p = r.plan();
        root.put("plan", String.format(Locale.ROOT, "%d series from %s; %d %s fold(s) of horizon %d, origins %d steps "
                        + "apart; models %s; season %s.", r.series().size(), r.source(), p.folds(),
                p.window().name().toLowerCase(Locale.ROOT), p.horizon(), p.step(),
                p.retrain() == dev.rnn4j.forecast.eval.RetrainPolicy.EVERY_FOLD ? "refitted every fold" : "fitted on the first fold only",
                p.seasonPeriod() > 0 ? String.valueOf(p.seasonPeriod()) : "from each series' frequency"));
        if (r.series().size() > MAX_CHARTED_SERIES) {
            root.put("plan", root.get("plan").asText() + " Charts show the first " + MAX_CHARTED_SERIES + " series.");
        }
        root.put("folds", p.folds());
        ObjectNode ranking = root.putObject("ranking");
        ranking.put("metric", r.ranking().metric());
        ranking.put("verdict", r.ranking().verdict());
        ranking.put("beats", r.ranking().candidateBeatsBaselines());
        r.ranking().order().forEach(ranking.putArray("order")::add);
        r.warnings().forEach(root.putArray("warnings")::add);
        Map<String, Integer> seriesIndex = new HashMap<>();
        ArrayNode series = root.putArray("series");
        int span = p.horizon() + (p.folds() - 1) * p.step();
        for (TimeSeries s : r.series().subList(0, Math.min(MAX_CHARTED_SERIES, r.series().size()))) {
            seriesIndex.put(s.id(), seriesIndex.size());
            int from = Math.max(0, s.length() - span * (CONTEXT_SPANS + 1));
            ObjectNode o = series.addObject();
            o.put("id", s.id());
            o.put("from", from);
            ArrayNode values = o.putArray("values");
            for (int i = from; i < s.length(); i++) {
                values.add(s.valuesView()[i]);
            }
            ArrayNode labels = o.putArray("labels");
            if (!s.times().isEmpty()) {
                s.times().subList(from, s.length()).forEach(labels::add);
            }
        }
        ArrayNode models = root.putArray("models");
        for (ModelResult m : r.models()) {
            ObjectNode o = models.addObject();
            o.put("name", m.model());
            o.put("baseline", m.baseline());
            ObjectNode metrics = o.putObject("metrics");
            for (String k : MetricSet.NAMES) {
                putNumber(metrics, k, m.mean().get(k));
            }
            metrics.put("seconds", m.seconds());
            ArrayNode fcs = o.putArray("forecasts");
            for (FoldForecast f : m.forecasts()) {
                if (!seriesIndex.containsKey(f.series())) {
                    continue;
                }
                ObjectNode fo = fcs.addObject();
                fo.put("series", seriesIndex.get(f.series()));
                fo.put("fold", f.fold());
                fo.put("origin", f.origin());
                ArrayNode v = fo.putArray("values");
                for (double x : f.forecast()) {
                    v.add(x);
                }
            }
            ArrayNode loss = o.putArray("loss");
            for (List<Forecaster.LossPoint> curve : m.lossCurves()) {
                ArrayNode c = loss.addArray();
                for (Forecaster.LossPoint pt : curve) {
                    ObjectNode po = c.addObject();
                    po.put("epoch", pt.epoch());
                    putNumber(po, "training", pt.training());
                    putNumber(po, "validation", pt.validation());
                }
            }
            ObjectNode card = o.putObject("card");
            m.modelCard().forEach(card::put);
        }
        return root;
    }

    /** JSON has no NaN: undefined values become null. */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Report resource " + path + " is missing from the class path.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
