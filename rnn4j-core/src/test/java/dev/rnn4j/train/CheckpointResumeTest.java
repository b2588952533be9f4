package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    private static SequenceModel model() {
        return SequenceModel.create(ModelConfig.builder().inputs(2).gru(6).dropout(0.2).recurrentDropout(0.2)
                .lstm(4).denseOnLastStep(1).seed(4).build());
    }

    private static TrainerConfig config(int epochs, int threads) {
        return TrainerConfig.builder().optimizer(OptimizerConfig.adamW(0.01)).schedule(LearningRateSchedule.reduceOnPlateau(0.5, 0, 0.1))
                .epochs(epochs).batchSize(8).threads(threads).seed(99).earlyStopping(10, true).build();
    }

    @Test
    void resumingFromACheckpointEndsWithWeightsIdenticalToAnUninterruptedRun(@TempDir Path dir) throws Exception {
        List<Sequence> train = Fixtures.regression(40, 4, 9, 2, false, 1);
        List<Sequence> val = Fixtures.regression(10, 4, 9, 2, false, 2);

        SequenceModel straight = model();
        TrainingResult all = new Trainer(config(4, 2), Losses.huber(1.0)).fit(straight, train, val);

        SequenceModel interrupted = model();
        new Trainer(config(2, 2), Losses.huber(1.0), List.of(), dir).fit(interrupted, train, val);
        Checkpoint checkpoint = Checkpoint.load(dir);
        assertThat(checkpoint.epochsDone()).isEqualTo(2);

        SequenceModel resumed = model(); // fresh weights: the checkpoint must bring everything back
        TrainingResult rest = new Trainer(config(4, 2), Losses.huber(1.0)).fit(resumed, train, val, checkpoint);

        assertThat(resumed.parameters()).containsExactly(straight.parameters());
        assertThat(rest.steps()).isEqualTo(all.steps());
        assertThat(rest.bestValidationLoss()).isEqualTo(all.bestValidationLoss());
    }

    @Test
    void sameSeedAndThreadCountGiveIdenticalWeights() {
        List<Sequence> train = Fixtures.regression(30, 3, 8, 2, false, 5);
        for (int threads : new int[] {1, 2}) {
            SequenceModel a = model();
            SequenceModel b = model();
            new Trainer(config(2, threads), Losses.mse()).fit(a, train, List.of());
            new Trainer(config(2, threads), Losses.mse()).fit(b, train, List.of());
            assertThat(a.parameters()).containsExactly(b.parameters());
        }
    }
}
