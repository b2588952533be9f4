package dev.rnn4j.seq2seq;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.Transpose;
import dev.rnn4j.model.Dense;

/**
 * Luong et al. (2015) global attention on the decoder's outputs, without input feeding: for each
 * decoder output h_t, scores against every valid encoder output e_s (dot: h_t·e_s; general:
 * h_t·W_a e_s), a softmax over the source's valid steps, the context c_t = Σ a_s e_s, and the
 * attentional state h~_t = tanh(W_c [c_t; h_t] + b_c). Because h~_t is not fed back into the
 * decoder, the decoder runs as one whole-sequence pass and attention is applied afterwards.
 *
 * <p>The keys (W_a e_s, or e_s for dot) depend only on the source, so decoding computes them once
 * ({@link #keys}) and reuses them at every step.
 */
final class LuongAttention {

    private final AttentionScore score;
    private final int encoderWidth;
    private final int hidden;
    private final int scoreOffset;
    private final Dense combine;

    LuongAttention(Seq2SeqConfig c, HeadLayout layout) {
        this.score = c.attention();
        this.encoderWidth = c.encoderWidth();
        this.hidden = c.decoderHidden();
        this.scoreOffset = layout.scoreOffset;
        this.combine = layout.combine;
    }

    /** The encoder side of one batch: outputs [B, S, Ew], keys [B, S, Hd], valid lengths. */
    record Source(float[] encoded, float[] keys, int[] lengths, int batch, int steps) {
    }

    /** What backward needs. */
    record Pass(Source source, float[] decoded, int steps, float[] weights, float[] concat, float[] out) {
    }

    /** Keys for {@code encoded} [B, S, Ew]: itself for dot, encoded · W_a^T for general. */
    Source keys(Kernels k, float[] w, float[] encoded, int[] lengths, int batch, int steps) {
        float[] keys = encoded;
        if (score == AttentionScore.GENERAL) {
            keys = new float[batch * steps * hidden];
            k.gemm(Transpose.NO, Transpose.YES, batch * steps, hidden, encoderWidth, 1f, encoded, 0, encoderWidth, w,
                    scoreOffset, encoderWidth, 0f, keys, 0, hidden);
        }
        return new Source(encoded, keys, lengths, batch, steps);
    }

    /** Attentional states [B, T, Hd] for decoder outputs {@code decoded} [B, T, Hd]. */
    Pass forward(Kernels k, float[] w, Source src, float[] decoded, int steps) {
        int rows = src.batch() * steps;
        int cw = encoderWidth + hidden;
        float[] weights = new float[rows * src.steps()];
        float[] concat = new float[rows * cw];
        for (int b = 0; b < src.batch(); b++) {
            int len = src.lengths()[b];
            for (int t = 0; t < steps; t++) {
                int row = b * steps + t;
                int h = row * hidden;
                int a = row * src.steps();
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < len; s++) {
                    double v = dot(decoded, h, src.keys(), (b * src.steps() + s) * hidden, hidden);
                    weights[a + s] = (float) v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int s = 0; s < len; s++) {
                    double e = Math.exp(weights[a + s] - max);
                    weights[a + s] = (float) e;
                    sum += e;
                }
                int ctx = row * cw;
                for (int s = 0; s < len; s++) {
                    float p = (float) (weights[a + s] / sum);
                    weights[a + s] = p;
                    int e = (b * src.steps() + s) * encoderWidth;
                    for (int j = 0; j < encoderWidth; j++) {
                        concat[ctx + j] += p * src.encoded()[e + j];
                    }
                }
                System.arraycopy(decoded, h, concat, ctx + encoderWidth, hidden);
            }
        }
        float[] out = new float[rows * hidden];
        combine.forward(k, w, concat, rows, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.tanh(out[i]);
        }
        return new Pass(src, decoded, steps, weights, concat, out);
    }

    /** Gradients w.r.t. the decoder outputs [B, T, Hd] and the encoder outputs [B, S, Ew]. */
    record Gradients(float[] decoded, float[] encoded) {
    }

    /** Backpropagates {@code dOut} [B, T, Hd]; parameter gradients are added to {@code g}. */
    Gradients backward(Kernels k, float[] w, float[] g, Pass p, float[] dOut) {
        Source src = p.source();
        int rows = src.batch() * p.steps();
        int cw = encoderWidth + hidden;
        float[] dz = new float[dOut.length];
        for (int i = 0; i < dz.length; i++) {
            dz[i] = dOut[i] * (1 - p.out()[i] * p.out()[i]);
        }
        float[] dConcat = combine.backward(k, w, g, p.concat(), dz, rows);
        float[] dDecoded = new float[rows * hidden];
        float[] dEncoded = new float[src.batch() * src.steps() * encoderWidth];
        float[] dKeys = score == AttentionScore.GENERAL ? new float[src.batch() * src.steps() * hidden] : dEncoded;
        double[] dWeight = new double[src.steps()];
        for (int b = 0; b < src.batch(); b++) {
            int len = src.lengths()[b];
            for (int t = 0; t < p.steps(); t++) {
                int row = b * p.steps() + t;
                int ctx = row * cw;
                int h = row * hidden;
                int a = row * src.steps();
                System.arraycopy(dConcat, ctx + encoderWidth, dDecoded, h, hidden);
                double expected = 0;
                for (int s = 0; s < len; s++) {
                    int e = (b * src.steps() + s) * encoderWidth;
                    float weight = p.weights()[a + s];
                    dWeight[s] = dot(dConcat, ctx, src.encoded(), e, encoderWidth);
                    expected += weight * dWeight[s];
                    for (int j = 0; j < encoderWidth; j++) {
                        dEncoded[e + j] += weight * dConcat[ctx + j];
                    }
                }
                for (int s = 0; s < len; s++) {
                    float dScore = (float) (p.weights()[a + s] * (dWeight[s] - expected));
                    int key = (b * src.steps() + s) * hidden;
                    for (int j = 0; j < hidden; j++) {
                        dDecoded[h + j] += dScore * src.keys()[key + j];
                        dKeys[key + j] += dScore * p.decoded()[h + j];
                    }
                }
            }
        }
        if (score == AttentionScore.GENERAL) {
            int n = src.batch() * src.steps();
            k.gemm(Transpose.YES, Transpose.NO, hidden, encoderWidth, n, 1f, dKeys, 0, hidden, src.encoded(), 0, encoderWidth,
                    1f, g, scoreOffset, encoderWidth);
            k.gemm(Transpose.NO, Transpose.NO, n, encoderWidth, hidden, 1f, dKeys, 0, hidden, w, scoreOffset, encoderWidth,
                    1f, dEncoded, 0, encoderWidth);
        }
        return new Gradients(dDecoded, dEncoded);
    }

    private static double dot(float[] x, int xOff, float[] y, int yOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) x[xOff + i] * y[yOff + i];
        }
        return s;
    }
}
