package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.rnn.RnnDrift;
import dev.rnn4j.forecast.rnn.RnnModelFile;
import dev.rnn4j.forecast.rnn.TrainedRnn;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.monitor.DriftMonitor;
import dev.rnn4j.monitor.LayerActivity;
import dev.rnn4j.monitor.NormProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j model drift}: streams a data file through a model and compares each recurrent
 * layer's output norms with the distribution its model card recorded on validation data at
 * training time, with the population stability index (PSI): over the whole file, and over a
 * sliding window of recent steps ({@link DriftMonitor}), which raises the alert. A classifier reads
 * its instance CSV; a forecaster ({@code forecast train}) reads series, cut into the lookback
 * windows of the member its profile describes ({@link RnnDrift}). The exit code stays 0 when drift
 * is found: drift is a finding, not a failure.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Score how far new data moves a model's hidden states from those seen at training time (PSI per layer).")
final class ModelDrift implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory from classify train (float32 or int8), "
            + "or directory/.zip from forecast train.")
    Path modelDir;

    @Option(names = "--data", required = true, description = "Classifier: CSV in the format the model was trained on; label may be absent. "
            + "Forecaster: series CSV read with --target/--time/--series/--fill as forecast train reads it.")
    Path data;

    @Option(names = "--split", description = "Classifier only: only instances of this split (default: all).")
    String split;

    /** Forecaster only: how --data is read, as forecast train reads it. */
    @Mixin
    SeriesColumns columns;

    @Option(names = "--threshold", defaultValue = "0.25", description = "PSI above which a layer is in alert (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--window", defaultValue = "1000", description = "Recent steps the alerting score describes; no alert before "
            + "that many steps. Files sorted by class or source show a short window a skewed mix (default: ${DEFAULT-VALUE}).")
    int window;

    /**
     * What either kind of model hands the report: the network streamed, its card's drift section,
     * the sequences, how the text report names them and what the JSON report says about them.
     */
    private record Streamed(SequenceModel model, JsonNode driftCard, List<Sequence> seqs, String described, Map<String, Object> about) {
    }

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (!(threshold > 0)) {
            throw new CliException(ExitCodes.USAGE, "--threshold must be > 0, got " + threshold + ".");
        }
        if (window < NormProfile.BINS * 10) {
            throw new CliException(ExitCodes.USAGE, "--window must be >= " + NormProfile.BINS * 10 + " steps, got " + window + ".");
        }
        if (!Files.exists(modelDir)) {
            throw new CliException(ExitCodes.INVALID_INPUT, "No model at " + modelDir + ": the path does not exist.");
        }
        Streamed s = RnnDrift.isForecaster(SavedModel.configJson(modelDir)) ? forecaster() : classifier();
        report(s);
        return ExitCodes.OK;
    }

    private Streamed classifier() throws IOException {
        Map<String, String> forecasterOnly = columns.given();
        if (!forecasterOnly.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, forecasterOnly.keySet().iterator().next() + " is for a forecaster; " + modelDir
                    + " is a classifier, whose --data is read in the format it was trained on.");
        }
        SavedModel saved = SavedModel.read(modelDir);
        if (saved.classifier() == null) {
            throw new CliException(ExitCodes.USAGE, modelDir + " has no " + ClassifierMeta.FILE
                    + " to read --data with; drift needs a model from classify train or forecast train.");
        }
        JsonNode driftCard = saved.card().get("drift");
        if (driftCard == null) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": the model card has no drift profile (field card.drift); "
                    + "it is written by classify train when the reference data has at least " + NormProfile.BINS + " steps.");
        }
        ClassifierMeta meta = saved.classifier();
        List<LabeledInstance> rows = ClassifyData.read(data, meta.format(), false);
        if (split != null) {
            rows = ClassifyData.split(rows, split);
        }
        if (rows.isEmpty()) {
            throw new CliException(ExitCodes.INVALID_INPUT, data + " has no instances" + (split == null ? "" : " whose split is '" + split + "'") + ".");
        }
        List<Sequence> seqs = ClassifyData.encode(rows, meta, data, false);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("kind", "classifier");
        about.put("instances", seqs.size());
        return new Streamed(saved.model(), driftCard, seqs, seqs.size() + " instances of " + data, about);
    }

    private Streamed forecaster() throws IOException {
        if (split != null) {
            throw new CliException(ExitCodes.USAGE, "--split is for a classifier; " + modelDir
                    + " is a forecaster, whose --data is read with --target, --time, --series and --fill.");
        }
        TrainedRnn trained = RnnModelFile.load(modelDir);
        if (trained.drift() == null) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": the forecaster's model card has no drift profile "
                    + "(field model_card.drift); it was saved before forecast train recorded one, so train it again to watch it.");
        }
        List<TimeSeries> series = columns.read(data, 0);
        List<Sequence> seqs;
        try {
            seqs = RnnDrift.windows(trained, series);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, data + ": " + e.getMessage());
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("kind", "forecaster");
        about.put("member", RnnDrift.MEMBER);
        about.put("series", series.size());
        about.put("instances", seqs.size());
        about.put("lookback", RnnDrift.lookback(trained));
        return new Streamed(RnnDrift.model(trained), trained.drift(), seqs, seqs.size() + " windows (lookback "
                + RnnDrift.lookback(trained) + ", member " + RnnDrift.MEMBER + ") of " + series.size() + " series in " + data, about);
    }

    /** PSI per layer of the streamed sequences against the card's profile, as text or one JSON line. */
    private void report(Streamed s) {
        NormProfile[] profiles;
        try {
            profiles = LayerActivity.fromJson(s.driftCard());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": " + e.getMessage());
        }
        int layers = s.model().config().layers().size();
        if (profiles.length != layers) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": the drift profile has " + profiles.length
                    + " layers but the model has " + layers + ".");
        }
        long[] firstAlert = new long[layers];
        java.util.Arrays.fill(firstAlert, -1);
        long[] steps = new long[layers];
        double[][] bins = new double[layers][NormProfile.BINS];
        double[] maxWindowScore = new double[layers];
        DriftMonitor monitor = new DriftMonitor(profiles, window, threshold, (layer, score, n) -> {
            if (firstAlert[layer] < 0) {
                firstAlert[layer] = n;
            }
        });
        double[] saturation = LayerActivity.run(s.model(), s.seqs(), (norm, layer) -> {
            bins[layer][profiles[layer].bin(norm)]++;
            steps[layer]++;
            monitor.observeNorm(layer, norm);
            if (steps[layer] >= window) {
                maxWindowScore[layer] = Math.max(maxWindowScore[layer], monitor.score(layer));
            }
        });

        List<Map<String, Object>> report = new ArrayList<>();
        boolean anyAlert = false;
        for (int l = 0; l < layers; l++) {
            double psi = DriftMonitor.psi(bins[l]);
            boolean alert = firstAlert[l] >= 0 || (steps[l] < window && psi > threshold);
            anyAlert |= alert;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", l);
            m.put("steps", steps[l]);
            m.put("psi", psi);
            m.put("max_window_psi", steps[l] >= window ? maxWindowScore[l] : null);
            m.put("first_alert_step", firstAlert[l] >= 0 ? firstAlert[l] : null);
            m.put("alert", alert);
            m.put("saturation_rate", saturation[l]);
            m.put("reference_saturation_rate", profiles[l].saturationRate());
            report.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", modelDir.toString());
            json.putAll(s.about());
            json.put("threshold", threshold);
            json.put("window", window);
            json.put("alert", anyAlert);
            json.put("layers", report);
            out.println(Json.line(json));
        } else {
            out.printf(Locale.ROOT, "drift of %s on %s (PSI against the card's %s profile; alert above %.2f)%n",
                    modelDir, s.described(), s.driftCard().path("measured_on").asText("reference"), threshold);
            out.println("layer  steps      PSI  max PSI (window " + window + ")  first alert  saturation (ref)");
            for (Map<String, Object> m : report) {
                out.printf(Locale.ROOT, "%5d %6d %8.4f %24s %12s  %.4f (%.4f)%s%n", m.get("layer"), m.get("steps"), m.get("psi"),
                        m.get("max_window_psi") == null ? "-" : String.format(Locale.ROOT, "%.4f", m.get("max_window_psi")),
                        m.get("first_alert_step") == null ? "-" : "step " + m.get("first_alert_step"),
                        m.get("saturation_rate"), m.get("reference_saturation_rate"), (boolean) m.get("alert") ? "  ALERT" : "");
            }
            out.println(anyAlert
                    ? "ALERT: the hidden states have drifted from training time; retrain or check the input pipeline (exit code 0: drift is a finding, not an error)."
                    : "no drift above the threshold.");
        }
        out.flush();
    }
}
