package dev.rnn4j.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.ScalarKernels;
import dev.rnn4j.nn.CellType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The encoder-decoder's backward (embeddings, both stacks, bridge, Luong attention, output layer)
 * against central finite differences of its loss, on sources and targets of different lengths,
 * with the vector kernels and with the scalar reference kernels.
 */
class Seq2SeqGradientTest {

    static final int[][] SOURCES = {{1, 2, 3, 4}, {3, 0}, {2, 2, 1}};
    static final int[][] TARGETS = {{2, 3}, {4, 2, 2, 3}, {}};

    static Stream<Arguments> models() {
        Seq2SeqConfig lstm = Seq2SeqConfig.of(CellType.LSTM, 5, 6, 3, 4, 0, 1);
        return Stream.of(
                Arguments.of("lstm, no attention, copied states", lstm),
                Arguments.of("lstm, bidirectional encoder, bridge, general attention",
                        lstm.withEncoder(3, true).withAttention(AttentionScore.GENERAL)),
                Arguments.of("gru, two layers, bidirectional encoder of matching width, dot attention",
                        new Seq2SeqConfig(CellType.GRU, 5, 6, 3, 2, 2, true, 4, false, AttentionScore.DOT, 0, 1)),
                Arguments.of("rnn_tanh, general attention, bridge",
                        new Seq2SeqConfig(CellType.RNN_TANH, 5, 6, 3, 3, 1, false, 4, false, AttentionScore.GENERAL, 0, 1)));
    }

    @ParameterizedTest(name = "{0} (vector kernels)")
    @MethodSource("models")
    void backwardMatchesFiniteDifferences(String name, Seq2SeqConfig config) {
        check(config, KernelProvider.get());
    }

    @ParameterizedTest(name = "{0} (scalar kernels)")
    @MethodSource("models")
    void backwardMatchesFiniteDifferencesOnScalarKernels(String name, Seq2SeqConfig config) {
        check(config, new ScalarKernels());
    }

    private static void check(Seq2SeqConfig config, Kernels kernels) {
        EncoderDecoder m = EncoderDecoder.create(config, kernels, 11);
        int[][] inputs = m.teacherInputs(TARGETS);
        Seq2SeqGradients g = m.newGradients();
        m.backward(m.forward(SOURCES, inputs), TARGETS, g);
        float[][] params = m.parameterGroups();
        float[][] grads = g.groups();
        double eps = 1e-2;
        int checked = 0;
        for (int group = 0; group < params.length; group++) {
            float[] w = params[group];
            for (int i = 0; i < w.length; i++) {
                float old = w[i];
                w[i] = (float) (old + eps);
                double up = m.loss(SOURCES, inputs, TARGETS);
                w[i] = (float) (old - eps);
                double down = m.loss(SOURCES, inputs, TARGETS);
                w[i] = old;
                double numeric = (up - down) / (2 * eps);
                assertThat((double) grads[group][i]).as("group %d, flat %d", group, i)
                        .isCloseTo(numeric, within(5e-5 + 2e-3 * Math.abs(numeric)));
                checked += numeric != 0 ? 1 : 0;
            }
        }
        // Most parameters influence the loss; a backward that left a whole part out would fail above.
        assertThat(checked).isGreaterThan(m.parameterCount() / 2);
    }
}
