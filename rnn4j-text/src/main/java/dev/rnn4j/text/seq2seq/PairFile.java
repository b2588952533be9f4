package dev.rnn4j.text.seq2seq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Source-target pairs as text: one pair per line, {@code source TAB target}, UTF-8. Blank lines
 * are skipped. With {@code sourcesOnly}, a line without a tab is a source to translate.
 */
public final class PairFile {

    private PairFile() {
    }

    /** Reads pairs; a line without exactly one tab, or an empty source, is an error naming file and line. */
    public static List<TextPair> read(Path file) throws IOException {
        return read(file, false);
    }

    /** Reads pairs, or (when {@code sourcesOnly} allows it) lines that are only a source, whose target is then empty. */
    public static List<TextPair> read(Path file, boolean sourcesOnly) throws IOException {
        List<TextPair> pairs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + number;
                int tab = line.indexOf('\t');
                if (tab < 0 && !sourcesOnly) {
                    throw new IllegalArgumentException(where + ": expected source<TAB>target, got a line with no tab.");
                }
                if (tab >= 0 && line.indexOf('\t', tab + 1) >= 0) {
                    throw new IllegalArgumentException(where + ": expected source<TAB>target, got more than one tab.");
                }
                String source = tab < 0 ? line : line.substring(0, tab);
                pairs.add(new TextPair(source, tab < 0 ? "" : line.substring(tab + 1), where));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected source<TAB>target lines, got an empty file.");
        }
        return pairs;
    }

    /** Writes pairs as {@code source TAB target} lines. */
    public static void write(Writer out, List<TextPair> pairs) throws IOException {
        for (TextPair p : pairs) {
            out.write(p.source());
            out.write('\t');
            out.write(p.target());
            out.write('\n');
        }
    }
}
