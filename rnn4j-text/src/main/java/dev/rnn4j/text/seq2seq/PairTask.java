package dev.rnn4j.text.seq2seq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generated sequence-to-sequence tasks with known answers, for reproducible experiments.
 * {@code reverse}: a string of lowercase letters and its reversal. {@code add}: two decimal
 * numbers "a+b" and their sum; the length is the number of digits of each operand.
 */
public enum PairTask {
    REVERSE, ADD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PairTask parse(String id) {
        for (PairTask t : values()) {
            if (t.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be reverse or add, got '" + id + "'.");
    }

    /**
     * {@code count} distinct pairs with lengths drawn uniformly from [minLength, maxLength], none of
     * whose sources is in {@code exclude} (so a test set can be disjoint from training).
     */
    public List<TextPair> generate(int count, int minLength, int maxLength, long seed, Set<String> exclude) {
        if (count < 1 || minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("Expected count >= 1 and 1 <= minLength <= maxLength, got count " + count
                    + ", lengths " + minLength + ".." + maxLength + ".");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>(exclude);
        List<TextPair> out = new ArrayList<>();
        long attempts = 0;
        while (out.size() < count) {
            if (++attempts > 100L * count + 10_000) {
                throw new IllegalArgumentException("Cannot draw " + count + " distinct " + id() + " pairs of lengths " + minLength
                        + ".." + maxLength + " (only " + out.size() + " found); widen the lengths or ask for fewer.");
            }
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            String source = this == REVERSE ? letters(length, random) : number(length, random) + "+" + number(length, random);
            if (seen.add(source)) {
                out.add(new TextPair(source, answer(source), id() + " #" + (out.size() + 1)));
            }
        }
        return out;
    }

    /** The correct target for {@code source}. */
    public String answer(String source) {
        if (this == REVERSE) {
            return new StringBuilder(source).reverse().toString();
        }
        int plus = source.indexOf('+');
        return new java.math.BigInteger(source.substring(0, plus)).add(new java.math.BigInteger(source.substring(plus + 1)))
                .toString();
    }

    private static String letters(int length, SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** A number of exactly {@code digits} digits (no leading zero unless it is 0 itself). */
    private static String number(int digits, SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        sb.append(digits == 1 ? random.nextInt(10) : 1 + random.nextInt(9));
        for (int i = 1; i < digits; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }
}
