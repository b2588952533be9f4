package dev.rnn4j.cli;

import dev.rnn4j.text.seq2seq.CharSeq2Seq;
import dev.rnn4j.text.seq2seq.PairFile;
import dev.rnn4j.text.seq2seq.TextPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn4j seq2seq predict}: one output line {@code source TAB prediction} per source line (a target column is ignored). */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Translate sources (one per line; a TAB target column is ignored).")
final class Seq2seqPredict implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    Seq2seqDecodeOptions decode;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Sources, one per line (optionally source TAB target).")
    Path data;

    @Override
    public Integer call() throws Exception {
        common.validate();
        decode.validate();
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        CharSeq2Seq model = decode.load(common.threads);
        List<String> sources = PairFile.read(data, true).stream().map(TextPair::source).toList();
        List<String> predicted = decode.translate(model, sources);
        for (int i = 0; i < sources.size(); i++) {
            if (common.json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("source", sources.get(i));
                j.put("prediction", predicted.get(i));
                out.println(Json.line(j));
            } else {
                out.println(sources.get(i) + "\t" + predicted.get(i));
            }
        }
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("n", sources.size());
            j.put("beam", decode.beam);
            j.put("seconds", (System.nanoTime() - t0) / 1e9);
            out.println(Json.line(j));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
