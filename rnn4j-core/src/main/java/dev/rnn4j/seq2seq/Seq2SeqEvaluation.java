package dev.rnn4j.seq2seq;

import java.util.Arrays;
import java.util.List;

/** Exact match: the share of pairs whose greedy (or beam) output equals the target symbol for symbol. */
public final class Seq2SeqEvaluation {

    private Seq2SeqEvaluation() {
    }

    /** Greedy exact match over {@code pairs}, decoded {@code batchSize} at a time. */
    public static double exactMatch(EncoderDecoder model, List<SymbolPair> pairs, int batchSize) {
        int correct = 0;
        for (int from = 0; from < pairs.size(); from += batchSize) {
            List<SymbolPair> batch = pairs.subList(from, Math.min(pairs.size(), from + batchSize));
            int[][] out = Decoding.greedy(model, sources(batch), longestTarget(batch) + 2);
            for (int i = 0; i < out.length; i++) {
                correct += Arrays.equals(out[i], batch.get(i).target()) ? 1 : 0;
            }
        }
        return pairs.isEmpty() ? Double.NaN : (double) correct / pairs.size();
    }

    /** Mean cross-entropy per target symbol under teacher forcing, over {@code pairs}. */
    public static double teacherForcedLoss(EncoderDecoder model, List<SymbolPair> pairs, int batchSize) {
        double sum = 0;
        long symbols = 0;
        for (int from = 0; from < pairs.size(); from += batchSize) {
            List<SymbolPair> batch = pairs.subList(from, Math.min(pairs.size(), from + batchSize));
            int[][] targets = batch.stream().map(SymbolPair::target).toArray(int[][]::new);
            int n = batch.stream().mapToInt(p -> p.target().length + 1).sum();
            sum += model.loss(sources(batch), model.teacherInputs(targets), targets) * n;
            symbols += n;
        }
        return sum / symbols;
    }

    static int[][] sources(List<SymbolPair> pairs) {
        return pairs.stream().map(SymbolPair::source).toArray(int[][]::new);
    }

    /** Generated lengths beyond the longest target + 1 cannot match, so decoding need not go further. */
    static int longestTarget(List<SymbolPair> pairs) {
        return pairs.stream().mapToInt(p -> p.target().length).max().orElse(0);
    }
}
