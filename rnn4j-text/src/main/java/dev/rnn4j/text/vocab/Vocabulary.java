package dev.rnn4j.text.vocab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable mapping between symbols (words, characters or tags) and the indices 0..size-1 that
 * embedding rows and output classes use.
 *
 * <p>A vocabulary is either <em>open</em>, with an unknown symbol that every unseen input maps to
 * (words, characters), or <em>closed</em>, where an unseen symbol is an error the caller reports
 * with its file and line (tags). It serialises to JSON as {@code {"symbols": [...], "unknown": ...}}
 * so it can live in a model's {@code config.json}.
 */
public final class Vocabulary {

    /** The unknown symbol of word and character vocabularies; chosen so no real token collides with it. */
    public static final String UNKNOWN = "<unk>";

    private final List<String> symbols;
    private final String unknown;
    private final Map<String, Integer> index;
    private final int unknownIndex;

    /**
     * @param symbols the symbols in index order, each once
     * @param unknown the symbol unseen inputs map to (it must be among {@code symbols}), or null for a closed vocabulary
     */
    @JsonCreator
    public Vocabulary(@JsonProperty("symbols") List<String> symbols, @JsonProperty("unknown") String unknown) {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("A vocabulary needs at least one symbol, got " + (symbols == null ? "null" : "none") + ".");
        }
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            String s = symbols.get(i);
            if (s == null) {
                throw new IllegalArgumentException("Vocabulary symbol " + i + " is null; every symbol must be a string.");
            }
            Integer previous = map.put(s, i);
            if (previous != null) {
                throw new IllegalArgumentException("Vocabulary symbol '" + s + "' appears twice, at " + previous + " and " + i + ".");
            }
        }
        if (unknown != null && !map.containsKey(unknown)) {
            throw new IllegalArgumentException("The unknown symbol '" + unknown + "' must be one of the vocabulary's symbols.");
        }
        this.symbols = List.copyOf(symbols);
        this.unknown = unknown;
        this.index = map;
        this.unknownIndex = unknown == null ? -1 : map.get(unknown);
    }

    /** A closed vocabulary of exactly these symbols, in this order (for tags). */
    public static Vocabulary closed(List<String> symbols) {
        return new Vocabulary(symbols, null);
    }

    /**
     * An open vocabulary: {@link #UNKNOWN} at index 0, then every symbol seen at least {@code minCount}
     * times, most frequent first, ties in code-point order so the result does not depend on input order.
     */
    public static Vocabulary fromCounts(Map<String, Integer> counts, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount + ".");
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount && !e.getKey().equals(UNKNOWN)) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> symbols = new ArrayList<>(kept.size() + 1);
        symbols.add(UNKNOWN);
        for (Map.Entry<String, Integer> e : kept) {
            symbols.add(e.getKey());
        }
        return new Vocabulary(symbols, UNKNOWN);
    }

    /** The symbols in index order. */
    @JsonProperty("symbols")
    public List<String> symbols() {
        return Collections.unmodifiableList(symbols);
    }

    /** The unknown symbol, or null if the vocabulary is closed. */
    @JsonProperty("unknown")
    public String unknown() {
        return unknown;
    }

    @JsonIgnore
    public boolean isOpen() {
        return unknown != null;
    }

    public int size() {
        return symbols.size();
    }

    /** The symbol at {@code index}. */
    public String symbol(int i) {
        if (i < 0 || i >= symbols.size()) {
            throw new IndexOutOfBoundsException("Vocabulary index " + i + " is outside 0.." + (symbols.size() - 1) + ".");
        }
        return symbols.get(i);
    }

    /** Whether {@code symbol} has its own index (the unknown symbol's index does not count for others). */
    public boolean contains(String symbol) {
        return index.containsKey(symbol);
    }

    /** The index of {@code symbol}: its own, else the unknown index, else -1 in a closed vocabulary. */
    public int indexOf(String symbol) {
        Integer i = index.get(symbol);
        return i != null ? i : unknownIndex;
    }

    /** The index unseen symbols map to, or -1 for a closed vocabulary. */
    @JsonIgnore
    public int unknownIndex() {
        return unknownIndex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.symbols.equals(symbols) && Objects.equals(v.unknown, unknown);
    }

    @Override
    public int hashCode() {
        return symbols.hashCode() * 31 + Objects.hashCode(unknown);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + symbols.size() + " symbols" + (unknown == null ? ", closed]" : ", unknown " + unknown + "]");
    }
}
