package dev.rnn4j.cli;

import dev.rnn4j.text.data.BrownReader;
import dev.rnn4j.text.data.BrownTagSet;
import dev.rnn4j.text.data.ConllReader;
import dev.rnn4j.text.data.TaggedSentence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads tagged (train, eval) and untagged (predict) corpora in the formats {@code rnn4j tag} takes. */
final class TagCorpus {

    static final String CONLL = "conll";
    static final String BROWN = "brown";

    private TagCorpus() {
    }

    static void checkFormat(String format) {
        if (!format.equals(CONLL) && !format.equals(BROWN)) {
            throw new CliException(ExitCodes.USAGE, "--format must be conll or brown, got '" + format + "'.");
        }
    }

    /** Tagged sentences of {@code file}; the Brown tag column comes from {@code tagSet} (ignored for CoNLL). */
    static List<TaggedSentence> readTagged(Path file, String format, BrownTagSet tagSet) throws IOException {
        checkFormat(format);
        return format.equals(CONLL) ? ConllReader.read(file) : BrownReader.read(file, tagSet);
    }

    /**
     * Token sequences of {@code file}: the first tab-separated column of each line (so a tagged file
     * predicts too, its tags ignored), blank lines between sentences; Brown's {@code #} comment lines
     * are skipped.
     */
    static List<List<String>> readTokens(Path file, String format) throws IOException {
        checkFormat(format);
        String source = file.toString();
        List<List<String>> sentences = new ArrayList<>();
        List<String> current = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (line.isBlank()) {
                    flush(sentences, current);
                    continue;
                }
                int tab = line.indexOf('\t');
                if (format.equals(BROWN) && line.startsWith("#") && tab < 0) {
                    continue;
                }
                String token = tab < 0 ? line.strip() : line.substring(0, tab);
                if (format.equals(CONLL) && token.equals("-DOCSTART-")) {
                    continue;
                }
                current.add(token);
            }
        }
        flush(sentences, current);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected at least one sentence (a token per line), but the file has none.");
        }
        return sentences;
    }

    private static void flush(List<List<String>> sentences, List<String> current) {
        if (!current.isEmpty()) {
            sentences.add(List.copyOf(current));
            current.clear();
        }
    }
}
