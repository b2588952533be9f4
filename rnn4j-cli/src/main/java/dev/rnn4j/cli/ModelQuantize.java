package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.QuantizedModelFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code rnn4j model quantize}: writes an int8 copy of a model (recurrent weight matrices in int8
 * with per-row scales) and reports the size before and after and, with {@code --data}, the
 * accuracy of the float32 and the int8 weights on a classify CSV.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true, description = "Write an int8-quantised copy of a model.")
final class ModelQuantize implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "Float32 model directory (from classify train).")
    Path in;

    @Option(names = "--out", required = true, description = "Directory to write the int8 model to.")
    Path out;

    @Option(names = "--data", description = "Classify CSV to measure accuracy on, before and after.")
    Path data;

    @Option(names = "--split", defaultValue = "test", description = "Split of --data to score (default: ${DEFAULT-VALUE}).")
    String split;

    @Override
    public Integer call() throws Exception {
        common.validate();
        SavedModel saved = SavedModel.read(in);
        ObjectNode card = (ObjectNode) saved.card();
        card.put("quantized_from", in.getFileName().toString());
        QuantizedModelFiles.save(saved.model(), out, card);
        if (saved.classifier() != null) {
            Files.copy(in.resolve(ClassifierMeta.FILE), out.resolve(ClassifierMeta.FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        long before = Files.size(in.resolve(ModelFiles.WEIGHTS));
        long after = Files.size(out.resolve(ModelFiles.WEIGHTS));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", out.toString());
        json.put("weights_bytes_before", before);
        json.put("weights_bytes_after", after);
        json.put("ratio", (double) before / after);
        if (data != null) {
            if (saved.classifier() == null) {
                throw new CliException(ExitCodes.USAGE, "--data needs a classifier model, but " + in + " has no "
                        + ClassifierMeta.FILE + ".");
            }
            ClassifierMeta meta = saved.classifier();
            List<LabeledInstance> rows = ClassifyData.split(ClassifyData.read(data, meta.format(), true), split);
            if (rows.isEmpty()) {
                throw new CliException(ExitCodes.INVALID_INPUT, data + " has no instances whose split is '" + split + "'.");
            }
            List<Sequence> seqs = ClassifyData.encode(rows, meta, data, false);
            double f32 = ClassifyEval.accuracy(new Classifier(saved.model(), meta).predict(seqs), seqs);
            double i8 = ClassifyEval.accuracy(new Classifier(QuantizedModelFiles.dequantized(saved.model()), meta).predict(seqs), seqs);
            json.put("n", seqs.size());
            json.put("accuracy_before", f32);
            json.put("accuracy_after", i8);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (common.json) {
            w.println(Json.line(json));
        } else {
            w.printf(Locale.ROOT, "weights %,d bytes (float32) -> %,d bytes (int8), %.2fx smaller; saved %s%n", before, after,
                    (double) before / after, out);
            if (data != null) {
                w.printf(Locale.ROOT, "accuracy on %d '%s' instances: %.4f (float32) -> %.4f (int8), change %+.2f points%n",
                        json.get("n"), split, json.get("accuracy_before"), json.get("accuracy_after"),
                        100 * ((double) json.get("accuracy_after") - (double) json.get("accuracy_before")));
            }
        }
        w.flush();
        return ExitCodes.OK;
    }
}
