package dev.rnn4j.text.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the Brown corpus TSV: {@code word TAB brown_tag TAB base_tag TAB coarse_tag} per line, a
 * blank line after each sentence, and a comment {@code # doc=… category=…} (a line starting with
 * {@code #} and holding no tab) before each sentence. The tag is taken from the chosen
 * {@link BrownTagSet} column.
 */
public final class BrownReader {

    private static final int COLUMNS = 4;

    private BrownReader() {
    }

    /** All sentences of {@code file} ({@code .gz} allowed) with tags from {@code tagSet}. */
    public static List<TaggedSentence> read(Path file, BrownTagSet tagSet) throws IOException {
        return TaggedCorpusReader.read(file, format(tagSet));
    }

    /** All sentences from {@code reader}; {@code source} names it in messages. */
    public static List<TaggedSentence> read(BufferedReader reader, String source, BrownTagSet tagSet) throws IOException {
        return TaggedCorpusReader.read(reader, source, format(tagSet));
    }

    private static LineFormat format(BrownTagSet tagSet) {
        return (line, where) -> {
            if (line.startsWith("#") && line.indexOf('\t') < 0) {
                return null;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != COLUMNS) {
                throw new IllegalArgumentException(where + ": expected " + COLUMNS + " tab-separated columns "
                        + "(word, brown_tag, base_tag, coarse_tag), got " + fields.length + ": '" + ConllReader.abbreviate(line) + "'.");
            }
            String tag = fields[tagSet.column()];
            if (fields[0].isEmpty() || tag.isEmpty()) {
                throw new IllegalArgumentException(where + ": expected a non-empty word and " + tagSet.id() + " tag, got '"
                        + ConllReader.abbreviate(line) + "'.");
            }
            return new LineFormat.Row(fields[0], tag);
        };
    }
}
