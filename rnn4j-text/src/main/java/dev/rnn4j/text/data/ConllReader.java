package dev.rnn4j.text.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads CoNLL-style tagging files: one {@code token TAB tag} per line, a blank line between
 * sentences. With more than two columns (CoNLL-2003 carries POS and chunk tags in between) the
 * first is the token and the last the tag. {@code -DOCSTART-} lines are skipped.
 */
public final class ConllReader {

    private static final LineFormat FORMAT = (line, where) -> {
        int first = line.indexOf('\t');
        if (first < 0) {
            throw new IllegalArgumentException(where + ": expected 'token<TAB>tag' but the line has no tab: '" + abbreviate(line) + "'.");
        }
        String token = line.substring(0, first);
        if (token.equals("-DOCSTART-")) {
            return null;
        }
        String tag = line.substring(line.lastIndexOf('\t') + 1).strip();
        if (token.isEmpty() || tag.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected 'token<TAB>tag' with both non-empty, got '" + abbreviate(line) + "'.");
        }
        return new LineFormat.Row(token, tag);
    };

    private ConllReader() {
    }

    /** All sentences of {@code file} ({@code .gz} allowed). */
    public static List<TaggedSentence> read(Path file) throws IOException {
        return TaggedCorpusReader.read(file, FORMAT);
    }

    /** All sentences from {@code reader}; {@code source} names it in messages. */
    public static List<TaggedSentence> read(BufferedReader reader, String source) throws IOException {
        return TaggedCorpusReader.read(reader, source, FORMAT);
    }

    static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
