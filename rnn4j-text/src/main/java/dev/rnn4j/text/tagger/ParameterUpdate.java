package dev.rnn4j.text.tagger;

/**
 * One optimiser step on a flat parameter array from its flat gradient (already averaged over the
 * batch). The optimiser, its learning rate and any clipping come from the caller, e.g.
 * {@code (p, g) -> optimizer.step(p, g, lr)}.
 */
@FunctionalInterface
public interface ParameterUpdate {

    void apply(float[] params, float[] gradient);
}
