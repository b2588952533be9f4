package dev.rnn4j.seq2seq;

/** One training or test example: source symbols and target symbols (target without the end symbol). */
public record SymbolPair(int[] source, int[] target) {

    public SymbolPair {
        if (source == null || source.length == 0) {
            throw new IllegalArgumentException("A pair needs at least one source symbol, got none.");
        }
        if (target == null) {
            throw new IllegalArgumentException("A pair needs a target (possibly empty), got null.");
        }
    }
}
