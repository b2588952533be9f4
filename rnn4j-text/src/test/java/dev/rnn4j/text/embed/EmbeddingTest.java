package dev.rnn4j.text.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

    // 3 rows of dimension 2, after 1 unrelated float: row i = (10i+1, 10i+2).
    private final float[] weights = {99f, 1f, 2f, 11f, 12f, 21f, 22f};
    private final Embedding emb = new Embedding(3, 2);

    @Test
    void forwardCopiesRowsWithAStrideAndZerosPadding() {
        float[] out = new float[9];
        java.util.Arrays.fill(out, 7f);
        emb.forward(weights, 1, new int[]{2, -1, 0}, out, 0, 3);
        assertThat(out).containsExactly(21f, 22f, 7f, 0f, 0f, 7f, 1f, 2f, 7f);
    }

    @Test
    void backwardScatterAddsRepeatedIdsAndSkipsPadding() {
        float[] grad = new float[7];
        float[] dOut = {1f, 2f, 3f, 4f, 5f, 6f, 100f, 100f};
        emb.backward(new int[]{1, 1, 0, -1}, dOut, 0, 2, grad, 1);
        assertThat(grad).containsExactly(0f, 5f, 6f, 4f, 6f, 0f, 0f);
    }

    @Test
    void backwardIsTheTransposeOfForward() {
        // <forward(w), g> = <w, backward(g)> for any w and g: the defining property of a linear map's adjoint.
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        Embedding e = new Embedding(4, 3);
        int[] ids = {3, 0, 3, -1, 2};
        float[] w = new float[e.size()];
        float[] g = new float[ids.length * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-1, 1);
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) r.nextDouble(-1, 1);
        }
        float[] out = new float[g.length];
        e.forward(w, 0, ids, out, 0, 3);
        float[] dw = new float[w.length];
        e.backward(ids, g, 0, 3, dw, 0);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < g.length; i++) {
            lhs += (double) out[i] * g[i];
        }
        for (int i = 0; i < w.length; i++) {
            rhs += (double) w[i] * dw[i];
        }
        assertThat(lhs).isCloseTo(rhs, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void refusesAnOutOfRangeIndex() {
        assertThatThrownBy(() -> emb.forward(weights, 1, new int[]{0, 3}, new float[4], 0, 2))
                .hasMessage("Embedding index 3 at position 1 is outside 0..2 (or -1 for padding).");
    }
}
