package dev.rnn4j.nn;

import dev.rnn4j.tensor.Tensor;

/**
 * Gradients of the loss with respect to a recurrent stack's inputs.
 *
 * @param dx  gradient of the input sequence {@code [B, T, I]}, zero at padded positions
 * @param dh0 gradient of the initial hidden states {@code [L*D, B, H]}
 * @param dc0 gradient of the initial cell states {@code [L*D, B, H]} (LSTM), else null
 */
public record InputGradients(Tensor dx, Tensor dh0, Tensor dc0) {
}
