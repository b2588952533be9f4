package dev.rnn4j.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One-hot encoding of single-character symbols over a fixed alphabet (fitted on the training
 * instances and stored with the model).
 *
 * @param alphabet the symbols, in feature order
 */
public record SymbolEncoding(String alphabet) {

    /** The sorted set of symbols used by {@code instances} (char codes, as read by {@link SymbolSequenceCsv}). */
    public static SymbolEncoding fit(List<LabeledInstance> instances) {
        java.util.TreeSet<Character> symbols = new java.util.TreeSet<>();
        for (LabeledInstance i : instances) {
            for (float v : i.values()) {
                symbols.add((char) v);
            }
        }
        StringBuilder sb = new StringBuilder();
        symbols.forEach(sb::append);
        return new SymbolEncoding(sb.toString());
    }

    /** One-hot values {@code length × alphabet.length()}; an unknown symbol is an error naming file, line and position. */
    public float[] encode(LabeledInstance instance, Path file) throws DataFormatException {
        int k = alphabet.length();
        float[] out = new float[instance.length() * k];
        for (int t = 0; t < instance.length(); t++) {
            char ch = (char) instance.values()[t];
            int j = alphabet.indexOf(ch);
            if (j < 0) {
                throw new DataFormatException(file, instance.line(), "sequence", "symbol '" + ch + "' at position " + (t + 1)
                        + " is not in the training alphabet '" + alphabet + "'.");
            }
            out[t * k + j] = 1f;
        }
        return out;
    }
}
