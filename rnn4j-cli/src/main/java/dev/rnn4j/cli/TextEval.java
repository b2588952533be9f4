package dev.rnn4j.cli;

import dev.rnn4j.text.lm.CharLanguageModel;
import dev.rnn4j.text.lm.CharLmEvaluation;
import dev.rnn4j.text.lm.CharText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn4j text eval}: the cross-entropy of a character model on a text, in nats and bits per character. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a character model on a text: nats and bits per character.")
final class TextEval implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Text to score (UTF-8).")
    Path data;

    @Option(names = "--model", required = true, description = "Model directory written by 'rnn4j text train'.")
    Path modelDir;

    @Option(names = "--held-out", description = "Score only the last 10 %% of --data: the part 'rnn4j text train' held out for validation.")
    boolean heldOut;

    @Option(names = "--streams", defaultValue = "" + CharLmEvaluation.DEFAULT_STREAMS,
            description = "Parallel streams the text is read as, each from a zero state (default: ${DEFAULT-VALUE}, as in training).")
    int streams;

    @Override
    public Integer call() throws Exception {
        common.validate();
        if (streams < 1) {
            throw new CliException(ExitCodes.USAGE, "--streams must be >= 1, got " + streams + ".");
        }
        CharLanguageModel lm = CharLanguageModel.load(modelDir);
        CharText text = CharText.read(data);
        if (heldOut) {
            text = text.split(TextTrain.TRAIN_SHARE)[1];
        }
        int[] ids = text.encode(lm.vocabulary());
        if (ids.length < 2) {
            throw new CliException(ExitCodes.INVALID_INPUT, text.source() + " has " + ids.length
                    + " character; scoring needs at least 2 (the first one is only context).");
        }
        ExecutorService pool = common.threads > 1 ? Executors.newFixedThreadPool(common.threads) : null;
        CharLmEvaluation.Result r;
        try {
            r = CharLmEvaluation.evaluate(lm.model(), ids, streams, pool, common.threads);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("characters", ids.length);
            j.put("predictions", r.predictions());
            j.put("nats_per_char", r.natsPerChar());
            j.put("bits_per_char", r.bitsPerChar());
            out.println(Json.line(j));
        } else {
            out.printf(Locale.ROOT, "%d characters: %.4f nats/char, %.4f bits/char%n", ids.length, r.natsPerChar(), r.bitsPerChar());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
