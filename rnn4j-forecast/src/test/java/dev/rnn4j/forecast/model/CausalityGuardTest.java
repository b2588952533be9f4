package dev.rnn4j.forecast.model;

import dev.rnn4j.nn.RecurrentConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CausalityGuardTest {

    @Test
    void bidirectionalStackIsRefusedWithTheReason() {
        RecurrentConfig bi = RecurrentConfig.lstm(3, 8).withBidirectional(true);
        assertThatThrownBy(() -> CausalityGuard.requireForwardOnly("rnn", bi))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Forecaster 'rnn' has a bidirectional")
                .hasMessageContaining("the future leaks into the past");
    }

    @Test
    void forwardOnlyStackPasses() {
        assertThatCode(() -> CausalityGuard.requireForwardOnly("rnn", RecurrentConfig.gru(3, 8).withLayers(2)))
                .doesNotThrowAnyException();
    }
}
