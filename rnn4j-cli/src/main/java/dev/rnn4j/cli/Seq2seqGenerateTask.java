package dev.rnn4j.cli;

import dev.rnn4j.text.seq2seq.PairFile;
import dev.rnn4j.text.seq2seq.PairTask;
import dev.rnn4j.text.seq2seq.TextPair;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnn4j seq2seq generate-task}: writes a generated task (reverse, add) as TSV pairs, reproducibly from --seed. */
@Command(name = "generate-task", mixinStandardHelpOptions = true,
        description = "Write generated source<TAB>target pairs: reverse (letters) or add (a+b, digits per operand).")
final class Seq2seqGenerateTask implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, description = "reverse or add.")
    String task;

    @Option(names = "--count", required = true, description = "Number of distinct pairs.")
    int count;

    @Option(names = "--min-len", required = true, description = "Shortest length (letters, or digits per operand).")
    int minLength;

    @Option(names = "--max-len", required = true, description = "Longest length.")
    int maxLength;

    @Option(names = "--exclude", description = "Pair files whose sources must not be drawn again (keeps test sets disjoint).")
    List<Path> exclude = List.of();

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        common.validate();
        PairTask kind;
        try {
            kind = PairTask.parse(task);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--task must be reverse or add, got '" + task + "'.");
        }
        if (count < 1 || minLength < 1 || maxLength < minLength) {
            throw new CliException(ExitCodes.USAGE, "Expected --count >= 1 and 1 <= --min-len <= --max-len, got " + count + ", "
                    + minLength + " and " + maxLength + ".");
        }
        Set<String> excluded = new HashSet<>();
        for (Path p : exclude) {
            PairFile.read(p).forEach(pair -> excluded.add(pair.source()));
        }
        List<TextPair> pairs = kind.generate(count, minLength, maxLength, common.seed, excluded);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            PairFile.write(w, pairs);
        }
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("out", out.toString());
            j.put("task", kind.id());
            j.put("pairs", pairs.size());
            spec.commandLine().getOut().println(Json.line(j));
        } else {
            spec.commandLine().getOut().printf("wrote %d %s pairs (lengths %d..%d) to %s%n", pairs.size(), kind.id(), minLength,
                    maxLength, out);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
