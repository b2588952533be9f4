package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.monitor.DriftMonitor;
import dev.rnn4j.monitor.LayerActivity;
import dev.rnn4j.monitor.NormProfile;
import java.io.PrintWriter;
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
 * sliding window of recent steps ({@link DriftMonitor}), which raises the alert. The exit code
 * stays 0 when drift is found: drift is a finding, not a failure.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Score how far new data moves a model's hidden states from those seen at training time (PSI per layer).")
final class ModelDrift implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory from classify train (float32 or int8).")
    Path modelDir;

    @Option(names = "--data", required = true, description = "CSV in the format the model was trained on; label may be absent.")
    Path data;

    @Option(names = "--split", description = "Only instances of this split (default: all).")
    String split;

    @Option(names = "--threshold", defaultValue = "0.25", description = "PSI above which a layer is in alert (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--window", defaultValue = "1000", description = "Recent steps the alerting score describes; no alert before "
            + "that many steps. Files sorted by class or source show a short window a skewed mix (default: ${DEFAULT-VALUE}).")
    int window;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (!(threshold > 0)) {
            throw new CliException(ExitCodes.USAGE, "--threshold must be > 0, got " + threshold + ".");
        }
        if (window < NormProfile.BINS * 10) {
            throw new CliException(ExitCodes.USAGE, "--window must be >= " + NormProfile.BINS * 10 + " steps, got " + window + ".");
        }
        SavedModel saved = SavedModel.read(modelDir);
        if (saved.classifier() == null) {
            throw new CliException(ExitCodes.USAGE, modelDir + " has no " + ClassifierMeta.FILE
                    + " to read --data with; drift needs a model from classify train.");
        }
        JsonNode driftCard = saved.card().get("drift");
        if (driftCard == null) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": the model card has no drift profile (field card.drift); "
                    + "it is written by classify train when the reference data has at least " + NormProfile.BINS + " steps.");
        }
        NormProfile[] profiles;
        try {
            profiles = LayerActivity.fromJson(driftCard);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": " + e.getMessage());
        }
        int layers = saved.model().config().layers().size();
        if (profiles.length != layers) {
            throw new CliException(ExitCodes.INVALID_INPUT, modelDir + ": the drift profile has " + profiles.length
                    + " layers but the model has " + layers + ".");
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
        double[] saturation = LayerActivity.run(saved.model(), seqs, (norm, layer) -> {
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
            json.put("instances", seqs.size());
            json.put("threshold", threshold);
            json.put("window", window);
            json.put("alert", anyAlert);
            json.put("layers", report);
            out.println(Json.line(json));
        } else {
            out.printf(Locale.ROOT, "drift of %s on %d instances of %s (PSI against the card's %s profile; alert above %.2f)%n",
                    modelDir, seqs.size(), data, driftCard.path("measured_on").asText("reference"), threshold);
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
        return ExitCodes.OK;
    }
}
