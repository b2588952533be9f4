package dev.rnn4j.cli;

import dev.rnn4j.text.seq2seq.CharSeq2Seq;
import dev.rnn4j.text.seq2seq.PairFile;
import dev.rnn4j.text.seq2seq.TextPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j seq2seq eval}: exact match of a model's outputs on TSV pairs, overall, for sources
 * no longer than the longest training source ("in range") and for longer ones ("beyond"), and per
 * source length.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Exact match on source<TAB>target pairs, by source length.")
final class Seq2seqEval implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    Seq2seqDecodeOptions decode;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Pairs to score (source TAB target per line).")
    Path data;

    @Override
    public Integer call() throws Exception {
        common.validate();
        decode.validate();
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        CharSeq2Seq model = decode.load(common.threads);
        List<TextPair> pairs = PairFile.read(data);
        model.symbols(pairs); // a target character the model cannot produce is an error naming its line, not a silent miss
        List<String> predicted = decode.translate(model, pairs.stream().map(TextPair::source).toList());
        TreeMap<Integer, int[]> byLength = new TreeMap<>(); // length -> {correct, total}
        int[] inRange = new int[2];
        int[] beyond = new int[2];
        for (int i = 0; i < pairs.size(); i++) {
            TextPair p = pairs.get(i);
            int ok = predicted.get(i).equals(p.target()) ? 1 : 0;
            int[] bucket = byLength.computeIfAbsent(p.sourceLength(), k -> new int[2]);
            int[] range = p.sourceLength() <= model.longestTrainedSource() ? inRange : beyond;
            for (int[] counts : new int[][] {bucket, range}) {
                counts[0] += ok;
                counts[1]++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int correct = inRange[0] + beyond[0];
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("exact_match", (double) correct / pairs.size());
            j.put("n", pairs.size());
            j.put("exact_match_in_range", share(inRange));
            j.put("n_in_range", inRange[1]);
            j.put("exact_match_beyond", share(beyond));
            j.put("n_beyond", beyond[1]);
            j.put("longest_trained_source", model.longestTrainedSource());
            j.put("beam", decode.beam);
            j.put("seconds", seconds);
            out.println(Json.line(j));
        } else {
            out.printf(Locale.ROOT, "source_length  n  exact_match%n");
            byLength.forEach((len, c) -> out.printf(Locale.ROOT, "%d  %d  %.4f%s%n", len, c[1], (double) c[0] / c[1],
                    len > model.longestTrainedSource() ? "  (beyond training)" : ""));
            out.printf(Locale.ROOT, "exact_match=%.4f n=%d in_range=%s (n=%d) beyond=%s (n=%d) beam=%d %.1fs%n",
                    (double) correct / pairs.size(), pairs.size(), format(share(inRange)), inRange[1], format(share(beyond)), beyond[1],
                    decode.beam,
                    seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String format(Double share) {
        return share == null ? "null" : String.format(Locale.ROOT, "%.4f", share);
    }

    /** correct / total, or null (JSON null, "null" in text) when there are none. */
    private static Double share(int[] counts) {
        return counts[1] == 0 ? null : (double) counts[0] / counts[1];
    }
}
