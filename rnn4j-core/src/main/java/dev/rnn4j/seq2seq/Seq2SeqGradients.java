package dev.rnn4j.seq2seq;

import dev.rnn4j.nn.Parameters;

/**
 * Gradients of an {@link EncoderDecoder}, in the same three groups as its parameters: the encoder
 * stack, the decoder stack and everything else (embeddings, bridge, attention, output layer).
 */
public record Seq2SeqGradients(Parameters encoder, Parameters decoder, float[] head) {

    /** Every gradient to zero (backward accumulates). */
    public void zero() {
        encoder.zero();
        decoder.zero();
        java.util.Arrays.fill(head, 0f);
    }

    /** The gradient arrays in the order of {@link EncoderDecoder#parameterGroups()}. */
    public float[][] groups() {
        return new float[][] {encoder.values(), decoder.values(), head};
    }
}
