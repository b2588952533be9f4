package dev.rnn4j.seq2seq;

import dev.rnn4j.train.Losses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generating target sequences from an {@link EncoderDecoder}: greedy (the most likely symbol at
 * every step) and beam search. Both stop at the end symbol or after {@code maxLength} symbols;
 * results exclude the end symbol.
 */
public final class Decoding {

    private Decoding() {
    }

    /** A generated sequence and its total log-probability (end symbol included when it was generated). */
    public record Hypothesis(int[] symbols, double logProbability, boolean ended) {

        /** Score with length normalisation: logProbability / length^alpha (alpha 0: the plain sum). */
        public double score(double alpha) {
            int length = symbols.length + (ended ? 1 : 0);
            return alpha == 0 ? logProbability : logProbability / Math.pow(Math.max(1, length), alpha);
        }
    }

    /** Greedy decoding of every source, batched. */
    public static int[][] greedy(EncoderDecoder model, int[][] sources, int maxLength) {
        requireMaxLength(maxLength);
        int vocab = model.config().targetVocabulary();
        int end = model.config().endSymbol();
        DecoderSteps steps = new DecoderSteps(model, sources);
        int rows = sources.length;
        int[] input = new int[rows];
        Arrays.fill(input, model.config().startSymbol());
        List<List<Integer>> out = new ArrayList<>();
        boolean[] done = new boolean[rows];
        for (int b = 0; b < rows; b++) {
            out.add(new ArrayList<>());
        }
        int open = rows;
        for (int t = 0; t < maxLength && open > 0; t++) {
            float[] logits = steps.step(input);
            for (int b = 0; b < rows; b++) {
                int best = argmax(logits, b * vocab, vocab);
                input[b] = best;
                if (done[b]) {
                    continue;
                }
                if (best == end) {
                    done[b] = true;
                    open--;
                } else {
                    out.get(b).add(best);
                }
            }
        }
        int[][] result = new int[rows][];
        for (int b = 0; b < rows; b++) {
            result[b] = out.get(b).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /**
     * Beam search for one source: keeps the {@code width} best partial sequences by total
     * log-probability; a sequence that generates the end symbol is finished. Stops when
     * {@code width} sequences have finished, or after {@code maxLength} steps (the open ones then
     * count as finished, unended). Returns the finished sequences best first by
     * {@link Hypothesis#score(double)} with {@code alpha} (0: no length normalisation).
     */
    public static List<Hypothesis> beam(EncoderDecoder model, int[] source, int width, int maxLength, double alpha) {
        requireMaxLength(maxLength);
        if (width < 1) {
            throw new IllegalArgumentException("beam width must be >= 1, got " + width + ".");
        }
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("length-normalisation alpha must be >= 0, got " + alpha + ".");
        }
        int vocab = model.config().targetVocabulary();
        int end = model.config().endSymbol();
        DecoderSteps steps = new DecoderSteps(model, new int[][] {source});
        List<Hypothesis> open = List.of(new Hypothesis(new int[0], 0, false));
        int[] input = {model.config().startSymbol()};
        List<Hypothesis> finished = new ArrayList<>();
        for (int t = 0; t < maxLength && !open.isEmpty() && finished.size() < width; t++) {
            float[] logits = steps.step(input);
            List<double[]> candidates = new ArrayList<>(); // {score, row, symbol}
            for (int r = 0; r < open.size(); r++) {
                double[] logp = logSoftmax(logits, r * vocab, vocab);
                for (int v = 0; v < vocab; v++) {
                    candidates.add(new double[] {open.get(r).logProbability() + logp[v], r, v});
                }
            }
            candidates.sort(Comparator.comparingDouble((double[] x) -> -x[0]));
            List<Hypothesis> next = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            int slots = width - finished.size();
            for (double[] cand : candidates) {
                if (next.size() >= slots) {
                    break;
                }
                Hypothesis parent = open.get((int) cand[1]);
                int symbol = (int) cand[2];
                if (symbol == end) {
                    finished.add(new Hypothesis(parent.symbols(), cand[0], true));
                    slots--;
                } else {
                    int[] s = Arrays.copyOf(parent.symbols(), parent.symbols().length + 1);
                    s[s.length - 1] = symbol;
                    next.add(new Hypothesis(s, cand[0], false));
                    rows.add((int) cand[1]);
                }
            }
            open = next;
            if (!open.isEmpty()) {
                steps.select(rows.stream().mapToInt(Integer::intValue).toArray());
                input = open.stream().mapToInt(h -> h.symbols()[h.symbols().length - 1]).toArray();
            }
        }
        finished.addAll(open);
        finished.sort(Comparator.comparingDouble((Hypothesis h) -> -h.score(alpha)));
        return finished;
    }

    /** Beam search over many sources: the best sequence of each. */
    public static int[][] beam(EncoderDecoder model, int[][] sources, int width, int maxLength, double alpha) {
        int[][] out = new int[sources.length][];
        for (int b = 0; b < sources.length; b++) {
            out[b] = beam(model, sources[b], width, maxLength, alpha).get(0).symbols();
        }
        return out;
    }

    static int argmax(float[] x, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (x[off + i] > x[off + best]) {
                best = i;
            }
        }
        return best;
    }

    static double[] logSoftmax(float[] x, int off, int n) {
        double logZ = Losses.logSumExp(x, off, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[off + i] - logZ;
        }
        return out;
    }

    private static void requireMaxLength(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength + ".");
        }
    }
}
