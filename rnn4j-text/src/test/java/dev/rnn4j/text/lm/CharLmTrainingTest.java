package dev.rnn4j.text.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharLmTrainingTest {

    /** A text whose next character is determined by the previous two: learnable to near zero loss. */
    private static int[] periodic(int n) {
        int[] pattern = {0, 1, 2, 1, 0, 3, 3, 2};
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = pattern[i % pattern.length];
        }
        return ids;
    }

    @Test
    void learnsAPeriodicTextAndKeepsTheBestValidation() {
        SequenceModel m = SequenceModel.create(CharLanguageModel.config(4, CellType.LSTM, 2, 16, 0, 5));
        List<CharLmTraining.ValidationReport> seen = new ArrayList<>();
        List<Double> bestLosses = new ArrayList<>();
        CharLmTrainingConfig config = new CharLmTrainingConfig(8, 16, 0.01, 5, 12, 0, 10, 0, 0.5, 2, 3);

        CharLmTraining.Result r = CharLmTraining.train(m, periodic(2000), periodic(3200), config, new CharLmTraining.Listener() {
            @Override
            public void validated(CharLmTraining.ValidationReport v) {
                seen.add(v);
            }

            @Override
            public void newBest(SequenceModel model, CharLmTraining.ValidationReport v) {
                bestLosses.add(CharLmEvaluation.evaluate(model, periodic(3200), CharLmEvaluation.DEFAULT_STREAMS, null, 1).natsPerChar());
            }
        });

        assertThat(r.stopReason()).isEqualTo("epochs");
        // 1999 predictions / 8 streams = 249 steps per stream, 16 per chunk: 16 chunks per epoch
        assertThat(r.steps()).isEqualTo(12 * 16);
        assertThat(r.history()).isEqualTo(seen);
        assertThat(seen.get(0).validNats()).isGreaterThan(0.5);
        // Each of the 32 validation streams starts from a zero state and cannot know its first character or two,
        // about 32 * 1.5 * ln 4 nats over 3199 predictions: a floor near 0.02.
        assertThat(r.best().validNats()).isLessThan(0.1);
        assertThat(r.best().validNats()).isEqualTo(seen.stream().mapToDouble(CharLmTraining.ValidationReport::validNats).min().orElseThrow());
        // The model holds the best weights at the end, and they score what was reported for them.
        double now = CharLmEvaluation.evaluate(m, periodic(3200), CharLmEvaluation.DEFAULT_STREAMS, null, 1).natsPerChar();
        // (Training validated on two threads, whose shares add up in another order: equal up to rounding.)
        assertThat(now).isCloseTo(r.best().validNats(), within(1e-12));
        assertThat(bestLosses.get(bestLosses.size() - 1)).isEqualTo(now);
        // A validation that is not the best halves the rate for what follows.
        for (int i = 1; i < seen.size(); i++) {
            double expected = seen.get(i - 1).learningRate() * (seen.get(i - 1).best() ? 1 : 0.5);
            assertThat(seen.get(i).learningRate()).isEqualTo(expected);
        }
    }

    @Test
    void patienceStopsAfterThatManyValidationsWithoutImprovement() {
        SequenceModel m = SequenceModel.create(CharLanguageModel.config(4, CellType.GRU, 1, 8, 0, 5));
        // A rate of 1e-12 moves no float32 weight, so every validation after the first ties it, which is no improvement.
        CharLmTrainingConfig config = new CharLmTrainingConfig(4, 8, 1e-12, 0, 50, 0, 1, 3, 1.0, 1, 3);
        CharLmTraining.Result r = CharLmTraining.train(m, periodic(400), periodic(100), config, new CharLmTraining.Listener() { });
        assertThat(r.stopReason()).isEqualTo("patience");
        assertThat(r.steps()).isEqualTo(4);
        assertThat(r.history()).extracting(CharLmTraining.ValidationReport::best).containsExactly(true, false, false, false);
    }

    @Test
    void theTimeBudgetEndsTrainingWithAFinalValidation() {
        SequenceModel m = SequenceModel.create(CharLanguageModel.config(4, CellType.LSTM, 1, 8, 0, 5));
        CharLmTrainingConfig config = new CharLmTrainingConfig(4, 8, 0.01, 5, 50, 1e-9, 0, 0, 0.5, 1, 3);
        CharLmTraining.Result r = CharLmTraining.train(m, periodic(400), periodic(100), config, new CharLmTraining.Listener() { });
        assertThat(r.stopReason()).isEqualTo("time");
        assertThat(r.steps()).isEqualTo(1);
        assertThat(r.history()).hasSize(1);
    }
}
