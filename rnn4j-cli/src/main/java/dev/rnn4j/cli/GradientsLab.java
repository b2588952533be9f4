package dev.rnn4j.cli;

import dev.rnn4j.data.AddingProblem;
import dev.rnn4j.data.Batch;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.InitSpec;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelPass;
import dev.rnn4j.model.ModelState;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.tensor.Tensor;
import dev.rnn4j.train.Losses;
import dev.rnn4j.train.Trainer;
import dev.rnn4j.train.TrainerConfig;
import java.awt.Color;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j lab gradients}: how much of the loss's gradient reaches the hidden state T−t steps
 * back, for untrained and (briefly) trained RNN, LSTM and GRU on the adding problem.
 *
 * <p>∂loss/∂h_t is measured exactly: run the first t steps, then restart from the state h_t (and
 * c_t) over the remaining steps; the gradient of that second run's initial state is ∂loss/∂h_t.
 * The norm is averaged over a batch of sequences.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = "Vanishing gradients made visible: |dloss/dh_t| against the distance T-t.")
final class GradientsLab implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--length", defaultValue = "100", description = "Sequence length T (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--hidden", defaultValue = "32", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--batch", defaultValue = "32", description = "Sequences averaged per measurement (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--train-size", defaultValue = "20000", description = "Training sequences for the trained models (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(names = "--epochs", defaultValue = "2", description = "Training epochs for the trained models (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--init", defaultValue = "recommended", description = "recommended (orthogonal W_hh, Glorot W_ih, "
            + "forget bias 1) or pytorch (PyTorch's uniform default) (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--out", defaultValue = "gradients.csv", description = "CSV to write (default: ${DEFAULT-VALUE}).")
    Path csv;

    @Option(names = "--plot", description = "PNG to write (default: the CSV path with .png).")
    Path png;

    @Override
    public Integer call() throws Exception {
        common.validate();
        InitSpec initSpec = switch (init) {
            case "recommended" -> InitSpec.recommended();
            case "pytorch" -> InitSpec.pytorch();
            default -> throw new CliException(ExitCodes.USAGE, "--init must be recommended or pytorch, got '" + init + "'.");
        };
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SplittableRandom random = new SplittableRandom(common.seed);
        List<Sequence> train = AddingProblem.generate(trainSize, length, random.split());
        Batch probe = Batch.of(AddingProblem.generate(batch, length, random.split()), false);
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (CellOption cell : CellOption.values()) {
            SequenceModel model = SequenceModel.create(ModelConfig.builder().inputs(2).layer(cell.type, hidden)
                    .denseOnLastStep(1).init(initSpec).seed(common.seed).build());
            curves.put(cell.id() + " untrained", gradientNorms(model, probe));
            err.println("measured " + cell.id() + " untrained; training " + epochs + " epochs on " + trainSize + " sequences");
            err.flush();
            TrainerConfig tc = TrainerConfig.builder().optimizer(OptimizerConfig.adam(3e-3)).epochs(epochs).batchSize(32)
                    .threads(common.threads).seed(common.seed).build();
            new Trainer(tc, Losses.mse()).fit(model, train, List.of());
            curves.put(cell.id() + " trained", gradientNorms(model, probe));
        }
        writeCsv(curves);
        Path plot = png != null ? png : csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".png");
        List<LinePlot.Series> series = new ArrayList<>();
        Color[] colors = {new Color(200, 40, 40), new Color(30, 90, 200), new Color(30, 150, 60)};
        int i = 0;
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            series.add(new LinePlot.Series(e.getKey(), colors[i / 2], e.getKey().endsWith("untrained"), e.getValue()));
            i++;
        }
        LinePlot.writePng(plot, "Gradient reaching h_t on the adding problem, T=" + length, "distance T - t (steps back from the loss)",
                "mean |dloss/dh_t|", series);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("csv", csv.toString());
            json.put("png", plot.toString());
            int far = Math.min(50, length - 1);
            for (Map.Entry<String, double[]> e : curves.entrySet()) {
                json.put(e.getKey().replace(' ', '_') + "_decades_over_" + far, Math.log10(e.getValue()[0] / e.getValue()[far]));
            }
            json.put("seconds", seconds);
            out.println(Json.line(json));
        } else {
            int far = Math.min(50, length - 1);
            for (Map.Entry<String, double[]> e : curves.entrySet()) {
                out.printf(Locale.ROOT, "%-16s |dL/dh| at distance 0: %.3e, at %d: %.3e (%.1f orders of magnitude)%n", e.getKey(),
                        e.getValue()[0], far, e.getValue()[far], Math.log10(e.getValue()[0] / e.getValue()[far]));
            }
            out.printf(Locale.ROOT, "wrote %s and %s in %.1fs%n", csv, plot, seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Mean over the batch of |∂loss/∂h_t|, indexed by distance T−1−t (0 = the last step). */
    static double[] gradientNorms(SequenceModel model, Batch probe) {
        int time = probe.time();
        double[] norms = new double[time];
        Tensor dOut = Tensor.zeros(probe.size(), 1);
        for (int t = 0; t < time; t++) {
            // State after steps 0..t-1 (h_t is the state the step at time t starts from).
            ModelState h = t == 0 ? null : model.forward(probe.timeSlice(0, t), null, null, null, null).finalState();
            ModelPass rest = model.forward(probe.timeSlice(t, time), null, h, null, null);
            float[] pred = rest.output().data();
            for (int b = 0; b < probe.size(); b++) {
                // d(mean squared error)/d(prediction), the same loss the models train on.
                dOut.data()[b] = (float) (2 * (pred[b] - probe.targets()[b]) / probe.size());
            }
            InputGradients[] g = model.backward(rest, dOut, new float[model.parameters().length]);
            float[] dh0 = g[0].dh0().data();
            int hidden = g[0].dh0().dim(2);
            double sum = 0;
            for (int b = 0; b < probe.size(); b++) {
                double sq = 0;
                for (int j = 0; j < hidden; j++) {
                    sq += (double) dh0[b * hidden + j] * dh0[b * hidden + j];
                }
                sum += Math.sqrt(sq);
            }
            norms[time - 1 - t] = sum / probe.size();
        }
        return norms;
    }

    private void writeCsv(Map<String, double[]> curves) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        lines.add("distance," + String.join(",", curves.keySet().stream().map(k -> k.replace(' ', '_')).toList()));
        int n = curves.values().iterator().next().length;
        for (int d = 0; d < n; d++) {
            StringBuilder sb = new StringBuilder(Integer.toString(d));
            for (double[] c : curves.values()) {
                sb.append(',').append(LinePlot.format(c[d]));
            }
            lines.add(sb.toString());
        }
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
