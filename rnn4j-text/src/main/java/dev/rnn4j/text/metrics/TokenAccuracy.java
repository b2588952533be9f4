package dev.rnn4j.text.metrics;

import java.util.List;

/** The fraction of tokens whose predicted tag equals the gold tag. */
public final class TokenAccuracy {

    private long correct;
    private long total;

    /** Adds one sentence's gold and predicted tags; both must have one tag per token. */
    public void add(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("Expected one predicted tag per gold tag, got " + predicted.size()
                    + " predicted for " + gold.size() + " gold.");
        }
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        total += gold.size();
    }

    public long correct() {
        return correct;
    }

    public long total() {
        return total;
    }

    /** correct / total, or 0 before any token. */
    public double value() {
        return total == 0 ? 0 : (double) correct / total;
    }
}
