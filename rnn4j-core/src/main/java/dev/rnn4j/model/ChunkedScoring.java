package dev.rnn4j.model;

import dev.rnn4j.tensor.Tensor;

/**
 * Scoring for batch jobs over long, full-length sequences: the model runs over fixed chunks of
 * time, carrying every layer's state from one chunk into the next, so memory is bounded by the
 * chunk rather than the sequence, with the outputs of one pass over the whole sequence (up to
 * float rounding). Needs a model that can stream: no bidirectional layer, no all-steps head.
 */
public final class ChunkedScoring {

    private ChunkedScoring() {
    }

    /**
     * Scores {@code x} ({@code [B, T, inputSize]}, every row T steps long) {@code chunk} steps at a
     * time. Returns what {@link SequenceModel#predict} returns: {@code [B, T, O]} for an every-step
     * head, {@code [B, O]} (the state after step T) for a last-step head. {@code guard} is told the
     * length T (it warns once per model past the trained length).
     */
    public static Tensor predict(SequenceModel model, Tensor x, int chunk, LengthGuard guard) {
        ModelConfig config = model.config();
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1 step, got " + chunk + ".");
        }
        if (config.head().kind() == HeadSpec.Kind.ALL_STEPS) {
            throw new IllegalArgumentException("This model's head reads all " + config.head().steps()
                    + " steps at once, so it cannot be scored in chunks; use SequenceModel.predict.");
        }
        for (int i = 0; i < config.layers().size(); i++) {
            if (config.layers().get(i).bidirectional()) {
                throw new IllegalArgumentException("Layer " + i + " is bidirectional: its reverse direction needs the whole sequence, "
                        + "so the model cannot be scored in chunks; use SequenceModel.predict.");
            }
        }
        if (x.rank() != 3 || x.dim(2) != config.inputSize()) {
            throw new IllegalArgumentException("Input must be [batch, time, " + config.inputSize() + "] (the model's inputSize), got "
                    + x.shapeString() + ".");
        }
        int batch = x.dim(0);
        int time = x.dim(1);
        int features = x.dim(2);
        int outputs = config.head().outputs();
        guard.check(time);
        boolean everyStep = config.head().kind() == HeadSpec.Kind.EVERY_STEP;
        float[] y = new float[everyStep ? batch * time * outputs : batch * outputs];
        ModelState state = null;
        for (int t0 = 0; t0 < time; t0 += chunk) {
            int span = Math.min(chunk, time - t0);
            float[] part = new float[batch * span * features];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(x.data(), (b * time + t0) * features, part, b * span * features, span * features);
            }
            ModelPass pass = model.forward(Tensor.of(part, batch, span, features), null, state, null, null);
            state = pass.finalState();
            float[] o = pass.output().data();
            if (everyStep) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(o, b * span * outputs, y, (b * time + t0) * outputs, span * outputs);
                }
            } else if (t0 + span == time) {
                System.arraycopy(o, 0, y, 0, y.length);
            }
        }
        return everyStep ? Tensor.of(y, batch, time, outputs) : Tensor.of(y, batch, outputs);
    }
}
