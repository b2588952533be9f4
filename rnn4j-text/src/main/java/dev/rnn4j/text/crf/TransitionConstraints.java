package dev.rnn4j.text.crf;

import java.util.Arrays;
import java.util.List;

/**
 * Which tag sequences a decoder may output. The BIO scheme forbids an {@code I-X} at the start of
 * a sentence, after {@code O}, or after a tag of another type; every other move is allowed.
 */
public final class TransitionConstraints {

    private final boolean[][] allowed;
    private final boolean[] allowedStart;

    private TransitionConstraints(boolean[][] allowed, boolean[] allowedStart) {
        this.allowed = allowed;
        this.allowedStart = allowedStart;
    }

    /** Every sequence of the {@code numTags} tags is allowed. */
    public static TransitionConstraints none(int numTags) {
        boolean[][] a = new boolean[numTags][numTags];
        for (boolean[] row : a) {
            Arrays.fill(row, true);
        }
        boolean[] s = new boolean[numTags];
        Arrays.fill(s, true);
        return new TransitionConstraints(a, s);
    }

    /**
     * The BIO constraints for these tag names (in index order). Every tag must be {@code O},
     * {@code B-TYPE} or {@code I-TYPE}.
     */
    public static TransitionConstraints bio(List<String> tags) {
        int k = tags.size();
        String[] prefix = new String[k];
        String[] type = new String[k];
        for (int i = 0; i < k; i++) {
            String t = tags.get(i);
            if (t.equals("O")) {
                prefix[i] = "O";
                type[i] = "";
            } else if (t.length() > 2 && (t.startsWith("B-") || t.startsWith("I-"))) {
                prefix[i] = t.substring(0, 1);
                type[i] = t.substring(2);
            } else {
                throw new IllegalArgumentException("BIO constraints need tags O, B-TYPE or I-TYPE, but tag " + i + " is '" + t + "'.");
            }
        }
        boolean[][] a = new boolean[k][k];
        boolean[] s = new boolean[k];
        for (int to = 0; to < k; to++) {
            boolean inside = prefix[to].equals("I");
            s[to] = !inside;
            for (int from = 0; from < k; from++) {
                a[from][to] = !inside || (!prefix[from].equals("O") && type[from].equals(type[to]));
            }
        }
        return new TransitionConstraints(a, s);
    }

    public int numTags() {
        return allowedStart.length;
    }

    public boolean allowed(int from, int to) {
        return allowed[from][to];
    }

    public boolean allowedStart(int tag) {
        return allowedStart[tag];
    }
}
