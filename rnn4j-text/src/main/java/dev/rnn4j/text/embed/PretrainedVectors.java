package dev.rnn4j.text.embed;

import dev.rnn4j.text.vocab.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Word vectors in the common text format of word2vec and GloVe: one {@code word v1 v2 ... vD} per
 * line, separated by spaces. A word2vec file starts with a header line {@code COUNT D}; a GloVe
 * file has none; both are recognised. A word may itself contain spaces (GloVe 840B has a few):
 * the last D fields are the numbers, everything before them is the word. Files ending in
 * {@code .gz} are decompressed on the fly.
 *
 * <p>A file whose name ends in {@code .json} (or {@code .json.gz}) is read as the JSON layout of
 * the wink-nlp embedding packages ({@link WinkJsonVectors}), which carry GloVe vectors on npm.
 *
 * <p>The vectors keep the file's order: GloVe and word2vec files list the most frequent words
 * first, so {@link #words()} does too.
 */
public final class PretrainedVectors {

    private final int dimension;
    private final Map<String, float[]> vectors;

    /** Package-private: the readers build it; {@code vectors} in file order. */
    PretrainedVectors(int dimension, Map<String, float[]> vectors) {
        this.dimension = dimension;
        this.vectors = vectors;
    }

    /** Reads every vector of {@code file}. */
    public static PretrainedVectors read(Path file) throws IOException {
        return read(file, w -> true);
    }

    /**
     * Reads the vectors of the words {@code keep} accepts (a vocabulary's words, say, so a file of
     * millions of words does not fill the heap). Every line is still checked.
     */
    public static PretrainedVectors read(Path file, Predicate<String> keep) throws IOException {
        String source = file.toString();
        String name = source.endsWith(".gz") ? source.substring(0, source.length() - 3) : source;
        if (name.endsWith(".json")) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                return WinkJsonVectors.read(in, source, keep);
            }
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(r, source, keep);
        }
    }

    /** Reads vectors from {@code reader}; {@code source} names it in messages. */
    public static PretrainedVectors read(BufferedReader reader, String source, Predicate<String> keep) throws IOException {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        int dimension = -1;
        int lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String where = source + ":" + lineNo;
            String[] fields = line.strip().split(" +");
            if (line.isBlank()) {
                continue;
            }
            if (lineNo == 1 && fields.length == 2 && isCount(fields[0]) && isCount(fields[1])) {
                dimension = Integer.parseInt(fields[1]);
                if (dimension < 1) {
                    throw new IllegalArgumentException(where + ": the word2vec header must give a dimension >= 1, got " + dimension + ".");
                }
                continue;
            }
            if (dimension < 0) {
                dimension = fields.length - 1;
                if (dimension < 1) {
                    throw new IllegalArgumentException(where + ": expected a word followed by its vector, got only '"
                            + abbreviate(line) + "'.");
                }
            }
            if (fields.length < dimension + 1) {
                throw new IllegalArgumentException(where + ": expected a word and " + dimension + " numbers, got "
                        + (fields.length - 1) + " fields after the first.");
            }
            int wordFields = fields.length - dimension;
            String word = wordFields == 1 ? fields[0] : String.join(" ", Arrays.copyOf(fields, wordFields));
            if (!keep.test(word)) {
                continue;
            }
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                String f = fields[wordFields + d];
                try {
                    v[d] = Float.parseFloat(f);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": expected a number in field " + (wordFields + d + 1)
                            + ", got '" + abbreviate(f) + "'.");
                }
                if (!Float.isFinite(v[d])) {
                    throw new IllegalArgumentException(where + ": expected a finite number in field " + (wordFields + d + 1)
                            + ", got '" + f + "'.");
                }
            }
            vectors.putIfAbsent(word, v);
        }
        if (dimension < 0) {
            throw new IllegalArgumentException(lineNo == 0
                    ? source + ": expected word vectors, but the file is empty."
                    : source + ":" + lineNo + ": expected word vectors, but the file has none.");
        }
        return new PretrainedVectors(dimension, vectors);
    }

    private static boolean isCount(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    public int dimension() {
        return dimension;
    }

    /** Number of vectors kept. */
    public int size() {
        return vectors.size();
    }

    /** The vector of {@code word}, or null. */
    public float[] get(String word) {
        float[] v = vectors.get(word);
        return v == null ? null : v.clone();
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return vectors.containsKey(word);
    }

    /** The kept words, in the file's order. */
    public Set<String> words() {
        return Collections.unmodifiableSet(vectors.keySet());
    }

    /**
     * Copies into the embedding's rows the vector of each vocabulary symbol that has one, trying the
     * symbol as it is, then lower-cased (GloVe's vocabulary is lower case). Rows without a vector
     * keep their values.
     *
     * @return how many rows were filled
     */
    public int copyInto(Embedding embedding, float[] weights, int offset, Vocabulary vocabulary) {
        if (embedding.dimension() != dimension) {
            throw new IllegalArgumentException("The embedding has dimension " + embedding.dimension()
                    + " but the pretrained vectors have " + dimension + "; make them equal.");
        }
        if (embedding.vocabularySize() != vocabulary.size()) {
            throw new IllegalArgumentException("The embedding has " + embedding.vocabularySize() + " rows but the vocabulary "
                    + vocabulary.size() + " symbols.");
        }
        int filled = 0;
        for (int i = 0; i < vocabulary.size(); i++) {
            String s = vocabulary.symbol(i);
            float[] v = vectors.get(s);
            if (v == null) {
                v = vectors.get(s.toLowerCase(Locale.ROOT));
            }
            if (v != null) {
                System.arraycopy(v, 0, weights, offset + i * dimension, dimension);
                filled++;
            }
        }
        return filled;
    }
}
