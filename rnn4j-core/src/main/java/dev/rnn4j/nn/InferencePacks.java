package dev.rnn4j.nn;

import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;
import java.util.Arrays;

/**
 * The packed forward weights of every layer-direction, kept between inference calls while the
 * parameters stay the same, as ONNX Runtime packs a model's weights once per session. Packing W_hh
 * and W_ih again on every call cost 5 to 7 % of a small LSTM's inference (batch 32, hidden 64).
 *
 * <p>Whether the parameters changed is decided by comparing them with a copy taken when they were
 * packed, value for value, not by a version number: code may write into the parameter array at any
 * time, and a stale pack would silently give wrong outputs. The comparison reads the weights once
 * (a vectorised mismatch search), far less than packing them. Training passes never use it: their
 * weights change at every step.
 *
 * <p>An instance is filled by one forward pass and only then published (see
 * {@link RecurrentNetwork}); after that it is read-only and may serve concurrent calls.
 */
final class InferencePacks {

    private final float[] snapshot;
    private final int perStepProjectionMaxFloats;
    private final PackedMatrix[] recurrent;
    private final PackedMatrix[] input;
    private final float[][] projectionBias;
    /** Set once a forward pass has recorded every slice; from then on the packs are only read. */
    private boolean complete;

    InferencePacks(float[] parameters, int perStepProjectionMaxFloats, int slices) {
        this.snapshot = parameters.clone();
        this.perStepProjectionMaxFloats = perStepProjectionMaxFloats;
        this.recurrent = new PackedMatrix[slices];
        this.input = new PackedMatrix[slices];
        this.projectionBias = new float[slices][];
    }

    /** Whether these packs are complete and were made from exactly these parameters under the same projection rule. */
    boolean matches(float[] parameters, int perStepProjectionMaxFloats) {
        return complete && this.perStepProjectionMaxFloats == perStepProjectionMaxFloats && Arrays.equals(snapshot, parameters);
    }

    /**
     * Gives slice {@code i} its packed weights: the recorded ones once complete, else packs them
     * with {@link DirectionPass#packForward} and records them.
     */
    void pack(int i, Kernels k, Cell cell, DirectionCache m, float[] w, ParameterLayout.DirectionOffsets p,
              boolean perStepProjection) {
        if (complete) {
            m.recurrentWeights = recurrent[i];
            m.inputWeights = input[i];
            m.projectionBias = projectionBias[i];
            return;
        }
        DirectionPass.packForward(k, cell, m, w, p, perStepProjection);
        recurrent[i] = m.recurrentWeights;
        input[i] = m.inputWeights;
        projectionBias[i] = m.projectionBias;
    }

    /** Marks every slice recorded (the forward pass that filled them has finished). */
    void complete() {
        complete = true;
    }
}
