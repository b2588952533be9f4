package dev.rnn4j.cli;

import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code rnn4j classify eval}: accuracy and confusion matrix on the instances whose split is {@code test}. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a classifier on the test split.")
final class ClassifyEval implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV in the format the model was trained on.")
    Path data;

    @Option(names = "--model", required = true, description = "Model directory from classify train.")
    Path modelDir;

    @Option(names = "--split", defaultValue = "test", description = "Split to score (default: ${DEFAULT-VALUE}).")
    String split;

    @Override
    public Integer call() throws Exception {
        common.validate();
        PrintWriter out = spec.commandLine().getOut();
        Classifier classifier = Classifier.load(modelDir);
        List<LabeledInstance> rows = ClassifyData.split(ClassifyData.read(data, classifier.meta().format(), true), split);
        if (rows.isEmpty()) {
            throw new CliException(ExitCodes.INVALID_INPUT, data + " has no instances whose split is '" + split + "'.");
        }
        List<Sequence> seqs = ClassifyData.encode(rows, classifier.meta(), data, false);
        int[] predicted = classifier.predict(seqs);
        List<String> labels = classifier.meta().labels();
        int[][] confusion = new int[labels.size()][labels.size()];
        int unknown = 0;
        for (int i = 0; i < seqs.size(); i++) {
            int truth = (int) seqs.get(i).target()[0];
            if (truth < 0) {
                unknown++;
            } else {
                confusion[truth][predicted[i]]++;
            }
        }
        double accuracy = accuracy(predicted, seqs);
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("accuracy", accuracy);
            json.put("n", seqs.size());
            json.put("labels", labels);
            json.put("confusion", confusion);
            out.println(Json.line(json));
        } else {
            out.printf(Locale.ROOT, "accuracy=%.4f n=%d%s%n", accuracy, seqs.size(),
                    unknown > 0 ? " (" + unknown + " with labels the model never saw, counted wrong)" : "");
            out.println("confusion (rows: true, columns: predicted)");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s", ""));
            labels.forEach(l -> head.append(String.format(Locale.ROOT, " %6s", l)));
            out.println(head);
            for (int i = 0; i < labels.size(); i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%10s", labels.get(i)));
                for (int j = 0; j < labels.size(); j++) {
                    row.append(String.format(Locale.ROOT, " %6d", confusion[i][j]));
                }
                out.println(row);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static double accuracy(int[] predicted, List<Sequence> seqs) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == (int) seqs.get(i).target()[0]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }
}
