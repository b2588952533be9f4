package dev.rnn4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.optim.LearningRateSchedule;
import dev.rnn4j.optim.OptimizerConfig;
import org.junit.jupiter.api.Test;

class TrainerConfigJsonTest {

    @Test
    void roundTripsThroughJson() throws Exception {
        TrainerConfig c = TrainerConfig.builder().optimizer(OptimizerConfig.sgd(0.1).withMomentum(0.9, true))
                .schedule(LearningRateSchedule.step(5, 0.5)).epochs(7).batchSize(16).clipValue(1).truncatedBptt(20, 40)
                .stateful(true).earlyStopping(3, true).threads(2).seed(9).build();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue(json.writeValueAsString(c), TrainerConfig.class)).isEqualTo(c);
    }

    @Test
    void defaultsFollowTheGuide() {
        TrainerConfig c = TrainerConfig.builder().build();
        assertThat(c.clipping()).isEqualTo(TrainerConfig.Clipping.NORM);
        assertThat(c.clipThreshold()).isEqualTo(5);
        assertThat(c.stateful()).isFalse();
        assertThat(c.tbpttForward()).isZero();
    }

    @Test
    void rejectsABackwardLengthShorterThanTheForwardOne() {
        assertThatThrownBy(() -> TrainerConfig.builder().truncatedBptt(10, 5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1=10, k2=5");
    }
}
