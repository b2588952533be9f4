package dev.rnn4j.text.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.ParameterLayout;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CharLmEvaluationTest {

    private static SequenceModel model(int v) {
        return SequenceModel.create(CharLanguageModel.config(v, CellType.LSTM, 2, 6, 0, 3));
    }

    /** Zero head weights, so the logits are the head bias whatever the recurrent layers compute. */
    private static void headBiasOnly(SequenceModel m, float... bias) {
        for (ParameterLayout.Entry e : m.entries()) {
            if (e.name().equals("head.weight")) {
                Arrays.fill(m.parameters(), e.offset(), e.offset() + e.size(), 0f);
            } else if (e.name().equals("head.bias")) {
                System.arraycopy(bias, 0, m.parameters(), e.offset(), e.size());
            }
        }
        m.parametersChanged();
    }

    @Test
    void aUniformModelScoresLnVNatsAndLog2VBits() {
        SequenceModel m = model(5);
        headBiasOnly(m, 0, 0, 0, 0, 0);
        int[] text = {0, 3, 1, 4, 4, 2, 0, 1, 3, 2, 2, 1};

        CharLmEvaluation.Result r = CharLmEvaluation.evaluate(m, text, 3, null, 1);

        assertThat(r.predictions()).isEqualTo(11);
        assertThat(r.natsPerChar()).isCloseTo(Math.log(5), within(1e-6));
        assertThat(r.bitsPerChar()).isCloseTo(Math.log(5) / Math.log(2), within(1e-6));
    }

    @Test
    void aFixedDistributionScoresTheHandComputedCrossEntropy() throws Exception {
        // p(0) = 3/4, p(1) = 1/4 at every step: logits ln 3 and 0.
        SequenceModel m = model(2);
        headBiasOnly(m, (float) Math.log(3), 0f);
        int[] text = {1, 0, 0, 1, 0}; // predicted: 0, 0, 1, 0
        double expected = (3 * -Math.log(0.75) + -Math.log(0.25)) / 4;

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int streams = 1; streams <= 4; streams++) {
                assertThat(CharLmEvaluation.evaluate(m, text, streams, null, 1).natsPerChar()).as("%d streams", streams)
                        .isCloseTo(expected, within(1e-6));
                assertThat(CharLmEvaluation.evaluate(m, text, streams, pool, 2).natsPerChar()).as("%d streams, 2 threads", streams)
                        .isCloseTo(expected, within(1e-6));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneStreamCarriesItsStateAcrossChunksLikeOneLongForwardPass() {
        SequenceModel m = model(4);
        int n = CharLmEvaluation.CHUNK * 2 + 37;
        int[] text = new int[n];
        for (int i = 0; i < n; i++) {
            text[i] = (i * 7 + i / 5) % 4;
        }
        // The same text scored in one forward pass over all n-1 inputs, from a zero state.
        float[] x = new float[(n - 1) * 4];
        for (int t = 0; t < n - 1; t++) {
            x[t * 4 + text[t]] = 1f;
        }
        float[] logits = m.predict(dev.rnn4j.tensor.Tensor.of(x, 1, n - 1, 4), null).data();
        double nats = 0;
        for (int t = 0; t < n - 1; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                max = Math.max(max, logits[t * 4 + j]);
            }
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                sum += Math.exp(logits[t * 4 + j] - max);
            }
            nats += max + Math.log(sum) - logits[t * 4 + text[t + 1]];
        }

        assertThat(CharLmEvaluation.evaluate(m, text, 1, null, 1).natsPerChar()).isCloseTo(nats / (n - 1), within(1e-5));
    }
}
