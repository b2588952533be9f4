package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.SequenceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonFiniteDetectorTest {

    @Test
    void anInjectedNanStopsTrainingNamingStepLayerAndParameterAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        SequenceModel model = SequenceModel.create(ModelConfig.builder().inputs(2).lstm(4).gru(3).denseOnLastStep(1).seed(1).build());
        int offset = model.entries().stream().filter(e -> e.name().equals("layers.1.weight_hh_l0")).findFirst().orElseThrow().offset();
        TrainingListener saboteur = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchMetrics m) {
                if (m.epoch() == 1 && m.batch() == 2) {
                    model.parameters()[offset + 5] = Float.NaN;
                }
            }
        };
        Trainer trainer = new Trainer(TrainerConfig.builder().epochs(3).batchSize(4).build(), Losses.mse(), List.of(saboteur), dir);
        List<Sequence> data = Fixtures.regression(20, 3, 6, 2, false, 1);

        NonFiniteValueException e = catchThrowableOfType(NonFiniteValueException.class, () -> trainer.fit(model, data, List.of()));

        assertThat(e.layer()).isEqualTo("layers.1");
        assertThat(e.parameter()).isEqualTo("layers.1.weight_hh_l0");
        assertThat(e.step()).isEqualTo(5 + 4); // 5 batches per epoch; poisoned after step 8, caught before step 9
        assertThat(e.getMessage()).contains("step 9", "layers.1.weight_hh_l0", "element 5", "NaN", dir.toString());
        assertThat(e.lastGoodCheckpoint()).isEqualTo(dir);
        assertThat(Files.exists(dir.resolve(Checkpoint.STATE))).isTrue();
    }

    @Test
    void aNanTargetStopsAtTheLoss() {
        SequenceModel model = SequenceModel.create(ModelConfig.builder().inputs(2).gru(3).denseOnLastStep(1).build());
        List<Sequence> data = new java.util.ArrayList<>(Fixtures.regression(4, 3, 3, 2, false, 1));
        data.set(2, Sequence.of("bad", new float[] {0, 1, 0.5f, 0, 1, 1}, 3, new float[] {Float.NaN}));
        Trainer trainer = new Trainer(TrainerConfig.builder().epochs(1).batchSize(4).build(), Losses.mse());
        NonFiniteValueException e = catchThrowableOfType(NonFiniteValueException.class, () -> trainer.fit(model, data, List.of()));
        assertThat(e.step()).isEqualTo(1);
        assertThat(e.getMessage()).contains("the loss");
    }
}
