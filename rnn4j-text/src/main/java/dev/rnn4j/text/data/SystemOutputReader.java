package dev.rnn4j.text.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a tagging system's output as shared tasks collect them (the WNUT-17 submissions): one
 * token per line followed by its predicted tag, separated by tabs or spaces (submissions differ),
 * the tag being the last field; a blank line between sentences.
 */
public final class SystemOutputReader {

    private static final LineFormat FORMAT = (line, where) -> {
        String[] fields = line.strip().split("[\t ]+");
        if (fields.length < 2) {
            throw new IllegalArgumentException(where + ": expected a token and its predicted tag separated by a tab or a space, "
                    + "got '" + ConllReader.abbreviate(line) + "'.");
        }
        return new LineFormat.Row(fields[0], fields[fields.length - 1]);
    };

    private SystemOutputReader() {
    }

    /** All sentences of {@code file} ({@code .gz} allowed). */
    public static List<TaggedSentence> read(Path file) throws IOException {
        return TaggedCorpusReader.read(file, FORMAT);
    }

    /** All sentences from {@code reader}; {@code source} names it in messages. */
    public static List<TaggedSentence> read(BufferedReader reader, String source) throws IOException {
        return TaggedCorpusReader.read(reader, source, FORMAT);
    }
}
