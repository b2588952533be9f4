package dev.rnn4j.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.train.ScheduledSampling;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The training loop on a small reversal task under scheduled sampling. */
class Seq2SeqTrainerTest {

    /** Reversal of 1..4 symbols from {0..3}; targets use symbols 2..5 (0 and 1 are start and end). */
    private static List<SymbolPair> pairs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<SymbolPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] src = r.ints(1 + r.nextInt(4), 0, 4).toArray();
            int[] tgt = new int[src.length];
            for (int j = 0; j < src.length; j++) {
                tgt[j] = src[src.length - 1 - j] + 2;
            }
            out.add(new SymbolPair(src, tgt));
        }
        return out;
    }

    private static Seq2SeqTrainer.Result train(EncoderDecoder m, ScheduledSampling sampling, List<Seq2SeqTrainer.EpochReport> seen) {
        Seq2SeqTrainingConfig c = new Seq2SeqTrainingConfig(6, 20, 0.01, LearningRateSchedule.cosine(6, 0.05), 5, sampling,
                ScheduledFeeding.Choice.ARGMAX, 6, 1);
        return Seq2SeqTrainer.train(m, pairs(400, 1), pairs(100, 2), c, new Seq2SeqTrainer.Listener() {
            @Override
            public void onEpoch(Seq2SeqTrainer.EpochReport report) {
                seen.add(report);
            }
        });
    }

    @Test
    void aNonFiniteWeightStopsTrainingNamingTheGradientThatWentBad() {
        EncoderDecoder m = EncoderDecoder.create(Seq2SeqConfig.of(CellType.GRU, 4, 6, 8, 12, 0, 1), 5);
        m.parameterGroups()[2][m.parameterGroups()[2].length - 1] = Float.NaN; // the last output bias
        Seq2SeqTrainingConfig c = new Seq2SeqTrainingConfig(1, 20, 0.01, LearningRateSchedule.constant(), 5, null,
                ScheduledFeeding.Choice.ARGMAX, 1, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Seq2SeqTrainer.train(m, pairs(40, 1), List.of(), c,
                        new Seq2SeqTrainer.Listener() { }))
                .isInstanceOf(dev.rnn4j.train.NonFiniteValueException.class)
                .hasMessageStartingWith("Training stopped at step 1: the loss is NaN");
        assertThat(m.parameterAt(2, m.parameterGroups()[2].length - 1)).isEqualTo(new EncoderDecoder.ParameterElement("output.bias", 5));
        assertThat(m.parameterAt(0, 0)).isEqualTo(new EncoderDecoder.ParameterElement("encoder.weight_ih_l0", 0));
    }

    @Test
    void learnsToReverseAndKeepsTheBestEpoch() {
        // Teacher forcing alone is trained end to end by the command-line test.
        for (ScheduledSampling sampling : new ScheduledSampling[] {ScheduledSampling.linear(1, 0.005, 0.3)}) {
            EncoderDecoder m = EncoderDecoder.create(Seq2SeqConfig.of(CellType.GRU, 4, 6, 8, 24, 0, 1)
                    .withAttention(AttentionScore.DOT), 5);
            List<Seq2SeqTrainer.EpochReport> seen = new ArrayList<>();
            Seq2SeqTrainer.Result result = train(m, sampling, seen);
            assertThat(seen).isEqualTo(result.history());
            assertThat(result.bestDevExactMatch()).as("sampling %s", sampling).isGreaterThan(0.95);
            // the parameters left in the model are the best epoch's
            assertThat(Seq2SeqEvaluation.exactMatch(m, pairs(100, 2), 16)).isEqualTo(result.bestDevExactMatch());
            double lastP = result.history().get(result.history().size() - 1).teacherForcing();
            assertThat(lastP).isEqualTo(Math.max(0.3, 1 - 0.005 * (6 * 20 - 1))); // 20 steps per epoch
        }
    }
}
