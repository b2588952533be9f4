package dev.rnn4j.cli;

import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn4j classify predict}: labels new instances (the label column may be absent). */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Label instances with a trained classifier.")
final class ClassifyPredict implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV in the format the model was trained on; label may be absent.")
    Path data;

    @Option(names = "--model", required = true, description = "Model directory from classify train.")
    Path modelDir;

    @Option(names = "--split", description = "Only instances of this split (default: all).")
    String split;

    @Option(names = "--out", description = "Write instance,label CSV here instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        common.validate();
        PrintWriter out = spec.commandLine().getOut();
        Classifier classifier = Classifier.load(modelDir);
        List<LabeledInstance> rows = ClassifyData.read(data, classifier.meta().format(), false);
        if (split != null) {
            rows = ClassifyData.split(rows, split);
        }
        if (rows.isEmpty()) {
            throw new CliException(ExitCodes.INVALID_INPUT, data + " has no instances" + (split == null ? "" : " whose split is '" + split + "'") + ".");
        }
        List<Sequence> seqs = ClassifyData.encode(rows, classifier.meta(), data, false);
        int[] predicted = classifier.predict(seqs);
        List<String> lines = new ArrayList<>();
        lines.add("instance,label");
        for (int i = 0; i < seqs.size(); i++) {
            lines.add(seqs.get(i).id() + "," + classifier.meta().labels().get(predicted[i]));
        }
        if (outFile != null) {
            Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else if (!common.json) {
            lines.forEach(out::println);
        }
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("n", seqs.size());
            List<Map<String, String>> preds = new ArrayList<>();
            for (int i = 0; i < seqs.size(); i++) {
                preds.add(Map.of("instance", seqs.get(i).id(), "label", classifier.meta().labels().get(predicted[i])));
            }
            json.put("predictions", preds);
            out.println(Json.line(json));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
