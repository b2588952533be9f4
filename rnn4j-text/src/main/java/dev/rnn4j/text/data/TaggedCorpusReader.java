package dev.rnn4j.text.data;

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

/**
 * Reads a one-token-per-line tagged corpus: sentences separated by blank lines, each line parsed by
 * a {@link LineFormat}. Files ending in {@code .gz} are decompressed on the fly. Carriage returns
 * are dropped, so files written on Windows read the same.
 */
final class TaggedCorpusReader {

    private TaggedCorpusReader() {
    }

    static List<TaggedSentence> read(Path file, LineFormat format) throws IOException {
        String source = file.toString();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, source, format);
        }
    }

    static List<TaggedSentence> read(BufferedReader reader, String source, LineFormat format) throws IOException {
        List<TaggedSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                flush(sentences, tokens, tags, lines, source);
                continue;
            }
            LineFormat.Row row = format.parse(line, source + ":" + lineNo);
            if (row != null) {
                tokens.add(row.token());
                tags.add(row.tag());
                lines.add(lineNo);
            }
        }
        flush(sentences, tokens, tags, lines, source);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException(lineNo == 0
                    ? source + ": expected at least one tagged sentence, but the file is empty."
                    : source + ":" + lineNo + ": expected at least one tagged sentence, but the file has only blank or comment lines.");
        }
        return sentences;
    }

    private static void flush(List<TaggedSentence> sentences, List<String> tokens, List<String> tags, List<Integer> lines,
                              String source) {
        if (tokens.isEmpty()) {
            return;
        }
        int[] lineArray = lines.stream().mapToInt(Integer::intValue).toArray();
        sentences.add(new TaggedSentence(tokens, tags, source, lineArray));
        tokens.clear();
        tags.clear();
        lines.clear();
    }
}
