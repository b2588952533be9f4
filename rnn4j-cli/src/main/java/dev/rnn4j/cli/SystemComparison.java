package dev.rnn4j.cli;

import dev.rnn4j.text.data.SystemOutputReader;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.SystemScore;
import dev.rnn4j.text.tagger.TaggerEnsemble;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code rnn4j tag eval --compare DIR}: a saved model and other systems' outputs on the same gold
 * corpus (the WNUT-17 official submissions, say), scored by the same code and ranked by entity
 * F1, so a new result stands beside the published ones without copying their numbers by hand.
 */
final class SystemComparison {

    private SystemComparison() {
    }

    /** The model's score and every system output's in {@code dir}, best entity F1 first. */
    static List<SystemScore> rank(Path dir, String label, TaggerEnsemble tagger, List<TaggedSentence> gold, int batch)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.USAGE, "--compare must be a directory of system outputs, got '" + dir + "'.");
        }
        List<SystemScore> scores = new ArrayList<>();
        scores.add(SystemScore.of(label, gold, predictions(tagger, gold, batch)));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--compare " + dir + " holds no system output files.");
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.gz$", "");
            scores.add(SystemScore.of(name, gold, SystemOutputReader.read(f)));
        }
        scores.sort(Comparator.comparingDouble((SystemScore s) -> s.entity().f1()).reversed());
        return scores;
    }

    /** The model's tags on {@code gold}'s tokens, as sentences of the same shape. */
    private static List<TaggedSentence> predictions(TaggerEnsemble tagger, List<TaggedSentence> gold, int batch) {
        List<List<String>> tags = tagger.predictNames(gold.stream().map(TaggedSentence::tokens).toList(), batch);
        List<TaggedSentence> out = new ArrayList<>(gold.size());
        for (int i = 0; i < gold.size(); i++) {
            TaggedSentence g = gold.get(i);
            out.add(new TaggedSentence(g.tokens(), tags.get(i), g.source(), g.lines()));
        }
        return out;
    }

    static void print(PrintWriter out, List<SystemScore> ranking, String model) {
        out.println();
        out.printf(Locale.ROOT, "%-4s %-28s %9s %9s %9s %10s%n", "rank", "system", "entity P", "entity R", "entity F1", "surface F1");
        for (int i = 0; i < ranking.size(); i++) {
            SystemScore s = ranking.get(i);
            out.printf(Locale.ROOT, "%-4d %-28s %9.2f %9.2f %9.2f %10.2f%s%n", i + 1, s.system(), 100 * s.entity().precision(),
                    100 * s.entity().recall(), 100 * s.entity().f1(), 100 * s.surface().f1(), s.system().equals(model) ? "  <- this model" : "");
        }
    }

    static List<Map<String, Object>> json(List<SystemScore> ranking) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SystemScore s : ranking) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("system", s.system());
            row.put("precision", 100 * s.entity().precision());
            row.put("recall", 100 * s.entity().recall());
            row.put("f1", 100 * s.entity().f1());
            row.put("surface_f1", 100 * s.surface().f1());
            rows.add(row);
        }
        return rows;
    }
}
