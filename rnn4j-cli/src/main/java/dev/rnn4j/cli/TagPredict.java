package dev.rnn4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.rnn4j.text.tagger.TaggerEnsemble;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j tag predict}: tags every sentence of a file (a token per line, blank line between
 * sentences; any columns after the first tab are ignored) and writes {@code token TAB tag} lines
 * in the same sentence layout, to a file or standard output.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Tag the sentences of a file.")
final class TagPredict implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Sentences: a token per line (first tab-separated column), a blank line between sentences.")
    Path data;

    @Option(names = "--format", required = true, description = "conll or brown (Brown '#' comment lines are skipped).")
    String format;

    @Mixin
    TaggerOptions taggers;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        common.validate();
        taggers.validate();
        TagCorpus.checkFormat(format);
        TaggerEnsemble model = taggers.ensemble(taggers.load());
        List<List<String>> sentences = TagCorpus.readTokens(data, format);
        if (outFile == null) {
            PrintWriter out = spec.commandLine().getOut();
            write(model, sentences, out);
            out.flush();
        } else {
            Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(model, sentences, w);
            }
            Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            spec.commandLine().getErr().println("tag predict: " + sentences.size() + " sentences tagged into " + outFile);
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }

    private void write(TaggerEnsemble model, List<List<String>> sentences, Writer w) throws IOException {
        // A batch at a time, so that output appears while the rest is being tagged.
        int batch = taggers.batch;
        for (int from = 0; from < sentences.size(); from += batch) {
            List<List<String>> chunk = sentences.subList(from, Math.min(sentences.size(), from + batch));
            List<List<String>> predicted = model.predictNames(chunk, batch);
            for (int i = 0; i < chunk.size(); i++) {
                List<String> tags = predicted.get(i);
                for (int t = 0; t < chunk.get(i).size(); t++) {
                    w.write(chunk.get(i).get(t));
                    w.write('\t');
                    w.write(tags.get(t));
                    w.write('\n');
                }
                w.write('\n');
            }
        }
    }
}
