package dev.rnn4j.nn;

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
    final PackedMatrix[] recurrent;
    final PackedMatrix[] input;
    final float[][] projectionBias;

    InferencePacks(float[] parameters, int perStepProjectionMaxFloats, int slices) {
        this.snapshot = parameters.clone();
        this.perStepProjectionMaxFloats = perStepProjectionMaxFloats;
        this.recurrent = new PackedMatrix[slices];
        this.input = new PackedMatrix[slices];
        this.projectionBias = new float[slices][];
    }

    /** Whether these packs were made from exactly these parameters under the same projection rule. */
    boolean matches(float[] parameters, int perStepProjectionMaxFloats) {
        return this.perStepProjectionMaxFloats == perStepProjectionMaxFloats && Arrays.equals(snapshot, parameters);
    }

    /** Records what {@link DirectionPass#beginForward} packed for slice {@code i}. */
    void record(int i, DirectionCache m) {
        recurrent[i] = m.recurrentWeights;
        input[i] = m.inputWeights;
        projectionBias[i] = m.projectionBias;
    }

    /** Gives slice {@code i} its recorded packs instead of packing again. */
    void apply(int i, DirectionCache m) {
        m.recurrentWeights = recurrent[i];
        m.inputWeights = input[i];
        m.projectionBias = projectionBias[i];
    }
}
