package dev.rnn4j.seq2seq;

import java.util.SplittableRandom;

/**
 * Chooses the decoder inputs of a training batch for scheduled sampling (Bengio et al. 2015):
 * at each step after the first, with probability {@code p} the true previous symbol (teacher
 * forcing), else the symbol the model itself predicted at the previous step, given the inputs
 * chosen so far. The choice is a constant for the gradient, as in the paper: the model is then
 * trained by one ordinary whole-sequence pass on the chosen inputs. With {@code p >= 1} the
 * inputs are the truth and no decoding pass runs.
 */
public final class ScheduledFeeding {

    /** How a fed-back symbol is taken from the model's prediction. */
    public enum Choice {
        /** The most likely symbol. */
        ARGMAX,
        /** A draw from the predicted distribution. */
        SAMPLE
    }

    private ScheduledFeeding() {
    }

    /**
     * Decoder inputs for {@code targets} (end symbols excluded): each row starts with the start
     * symbol and has one input per target symbol after it.
     */
    public static int[][] inputs(EncoderDecoder model, int[][] sources, int[][] targets, double p, Choice choice,
                                 SplittableRandom random) {
        int[][] inputs = model.teacherInputs(targets);
        if (p >= 1) {
            return inputs;
        }
        int vocab = model.config().targetVocabulary();
        int longest = 0;
        for (int[] t : targets) {
            longest = Math.max(longest, t.length);
        }
        DecoderSteps steps = new DecoderSteps(model, sources);
        int[] fed = new int[sources.length];
        for (int b = 0; b < fed.length; b++) {
            fed[b] = inputs[b][0];
        }
        for (int t = 1; t <= longest; t++) {
            float[] logits = steps.step(fed);
            for (int b = 0; b < fed.length; b++) {
                boolean truth = random.nextDouble() < p;
                int predicted = choice == Choice.ARGMAX ? Decoding.argmax(logits, b * vocab, vocab)
                        : sample(logits, b * vocab, vocab, random);
                if (t < inputs[b].length) {
                    inputs[b][t] = truth ? targets[b][t - 1] : predicted;
                }
                fed[b] = t < inputs[b].length ? inputs[b][t] : predicted;
            }
        }
        return inputs;
    }

    private static int sample(float[] logits, int off, int n, SplittableRandom random) {
        double[] logp = Decoding.logSoftmax(logits, off, n);
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += Math.exp(logp[i]);
            if (u < cumulative) {
                return i;
            }
        }
        return n - 1;
    }
}
