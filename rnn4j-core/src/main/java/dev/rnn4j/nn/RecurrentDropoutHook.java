package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;

/**
 * Variational recurrent dropout (Gal and Ghahramani 2016) inside the time loop: the recurrent
 * product of every step reads {@code h_prev ⊙ mask} instead of {@code h_prev}, with one mask
 * [B][H] per direction reused at every step of the sequence. The gate math's direct paths (GRU's
 * {@code z*h}, LSTM's cell state) still see the unmasked state.
 *
 * <p>Kept apart from {@link DirectionPass} so that the time loop only carries three clearly marked
 * call sites; with no mask the loop is unchanged. Both methods work on the batch rows [b0, b1) of
 * one time-loop unit, so units on different threads never touch the same rows.
 */
final class RecurrentDropoutHook {

    private RecurrentDropoutHook() {
    }

    /** Writes {@code h ⊙ mask} for rows [b0, b1) of the state slot at {@code slotOffset} into {@code m.maskedH}. */
    static void maskRows(DirectionCache m, int slotOffset, int b0, int b1) {
        float[] mask = m.recurrentMask;
        int hidden = m.hidden;
        int maskOff = m.recurrentMaskOffset + b0 * hidden;
        int from = slotOffset + b0 * hidden;
        int n = (b1 - b0) * hidden;
        for (int i = 0; i < n; i++) {
            m.maskedH[from + i] = m.h[from + i] * mask[maskOff + i];
        }
    }

    /**
     * Backward of the masked recurrent product for rows [b0, b1):
     * {@code dhPrev += (dGatesH · W_hh) ⊙ mask}, where {@code dhPrev} and {@code scratch} hold
     * those rows from index 0; {@code scratch} is overwritten.
     */
    static void addMaskedRecurrentGradient(Kernels k, DirectionCache m, int gOff, int b0, int b1,
                                           float[] scratch, float[] dhPrev) {
        int hidden = m.hidden;
        int gw = m.gateWidth;
        k.gemmPacked(b1 - b0, m.dGatesH, gOff + b0 * gw, gw, m.recurrentWeights, 0f, scratch, 0, hidden);
        float[] mask = m.recurrentMask;
        int maskOff = m.recurrentMaskOffset + b0 * hidden;
        int n = (b1 - b0) * hidden;
        for (int i = 0; i < n; i++) {
            dhPrev[i] += scratch[i] * mask[maskOff + i];
        }
    }
}
