package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;

/**
 * Variational recurrent dropout (Gal and Ghahramani 2016) inside the time loop: the recurrent
 * product of every step reads {@code h_prev ⊙ mask} instead of {@code h_prev}, with one mask
 * [B][H] per direction reused at every step of the sequence. The gate math's direct paths (GRU's
 * {@code z*h}, LSTM's cell state) still see the unmasked state.
 *
 * <p>Kept apart from {@link DirectionPass} so that the time loop only carries four clearly marked
 * call sites; with no mask the loop is unchanged.
 */
final class RecurrentDropoutHook {

    private RecurrentDropoutHook() {
    }

    /** Writes {@code h[slot] ⊙ mask} into {@code m.maskedH[slot]}: the recurrent product's input. */
    static void maskSlot(DirectionCache m, int slotOffset) {
        float[] mask = m.recurrentMask;
        int off = m.recurrentMaskOffset;
        int bh = m.batch * m.hidden;
        for (int i = 0; i < bh; i++) {
            m.maskedH[slotOffset + i] = m.h[slotOffset + i] * mask[off + i];
        }
    }

    /**
     * Backward of the masked recurrent product: {@code dhPrev += (dGatesH · W_hh) ⊙ mask}.
     * {@code scratch} is [B][H] and is overwritten.
     */
    static void addMaskedRecurrentGradient(Kernels k, DirectionCache m, float[] dGatesH, int gOff, PackedMatrix whh,
                                           float[] scratch, float[] dhPrev) {
        k.gemmPacked(m.batch, dGatesH, gOff, m.gateWidth, whh, 0f, scratch, 0, m.hidden);
        float[] mask = m.recurrentMask;
        int off = m.recurrentMaskOffset;
        int bh = m.batch * m.hidden;
        for (int i = 0; i < bh; i++) {
            dhPrev[i] += scratch[i] * mask[off + i];
        }
    }
}
