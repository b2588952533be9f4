package dev.rnn4j.train;

import dev.rnn4j.model.SequenceModel;
import java.nio.file.Path;

/** The NaN/Inf detector: stops training at the first non-finite loss, gradient or weight, naming it. */
final class NonFiniteCheck {

    private NonFiniteCheck() {
    }

    static void loss(double loss, long step, Path checkpoint) {
        if (!Double.isFinite(loss)) {
            throw new NonFiniteValueException("the loss", step, null, -1, (float) loss, checkpoint);
        }
    }

    static void gradients(SequenceModel model, float[] grads, long step, Path checkpoint) {
        check("the gradient", model, grads, step, checkpoint);
    }

    static void weights(SequenceModel model, long step, Path checkpoint) {
        check("the weight", model, model.parameters(), step, checkpoint);
    }

    private static void check(String what, SequenceModel model, float[] values, long step, Path checkpoint) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                String name = model.parameterAt(i);
                int element = i - model.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().offset();
                throw new NonFiniteValueException(what, step, name, element, values[i], checkpoint);
            }
        }
    }
}
