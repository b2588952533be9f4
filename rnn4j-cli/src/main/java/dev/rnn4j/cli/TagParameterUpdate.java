package dev.rnn4j.cli;

import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.text.tagger.ParameterUpdate;
import dev.rnn4j.train.GradientClipping;

/**
 * The optimiser step of {@code rnn4j tag train}: Adam with global-norm clipping over every
 * parameter except one range, which stays as it is. The range is the part of the word embedding
 * that training cannot change: the rows of words taken from a vector file that the training
 * corpus never contains (their gradient is always zero, so Adam would leave them alone anyway,
 * but at some cost: 300,000 GloVe rows are 30 million floats against a tagger's one million), or
 * the whole embedding under {@code --freeze-vectors}. Adam runs on a packed copy of the other
 * parameters, so a step costs what the trainable parameters cost.
 */
final class TagParameterUpdate implements ParameterUpdate {

    private final int from;
    private final int to;
    private final double clip;
    private final Optimizer adam;
    private final float[] packedParams;
    private final float[] packedGrads;
    private double learningRate;

    /**
     * @param size  the length of the parameter array
     * @param from  first index that is not updated
     * @param to    one past the last index that is not updated ({@code from == to}: update everything)
     * @param clip  global gradient-norm limit over the updated parameters, 0 for none
     */
    TagParameterUpdate(int size, int from, int to, double learningRate, double clip) {
        if (from < 0 || to < from || to > size) {
            throw new IllegalArgumentException("The fixed range [" + from + ", " + to + ") must lie within the " + size + " parameters.");
        }
        this.from = from;
        this.to = to;
        this.clip = clip;
        this.learningRate = learningRate;
        int packed = size - (to - from);
        this.adam = OptimizerConfig.adam(learningRate).create(packed);
        this.packedParams = new float[packed];
        this.packedGrads = new float[packed];
    }

    /** The learning rate of the following steps (a schedule changes it between epochs). */
    void learningRate(double lr) {
        this.learningRate = lr;
    }

    /** How many parameters the steps change. */
    int updated() {
        return packedParams.length;
    }

    @Override
    public void apply(float[] params, float[] gradient) {
        pack(gradient, packedGrads);
        if (clip > 0) {
            GradientClipping.clipGlobalNorm(packedGrads, clip);
        }
        pack(params, packedParams);
        adam.step(packedParams, packedGrads, learningRate);
        System.arraycopy(packedParams, 0, params, 0, from);
        System.arraycopy(packedParams, from, params, to, params.length - to);
    }

    private void pack(float[] full, float[] packed) {
        System.arraycopy(full, 0, packed, 0, from);
        System.arraycopy(full, to, packed, from, full.length - to);
    }
}
