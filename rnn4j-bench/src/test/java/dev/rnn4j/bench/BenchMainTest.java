package dev.rnn4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line and the result-line format of the side-by-side benchmark (no timing here). */
class BenchMainTest {

    @Test
    void parsesTheKitsArguments() {
        BenchMain.Options o = BenchMain.parse(new String[] {"--config", "E", "--mode", "train,infer", "--threads", "2", "--json"});
        assertThat(o.workload().name()).isEqualTo("E");
        assertThat(o.workload().bidirectional()).isTrue();
        assertThat(o.modes()).containsExactly("train", "infer");
        assertThat(o.threads()).isEqualTo(2);
    }

    @Test
    void refusesModesThatDoNotApply() {
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--config", "S1", "--mode", "train"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--mode train does not apply to config S1; expected stream.");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--config", "Z"}))
                .hasMessageContaining("A, B, C, D, E, F, S1, S2");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--config", "A", "--threads", "0"}))
                .hasMessage("--threads must be a positive integer, got '0'.");
    }

    @Test
    void flopModelMatchesTheSchemaTable() {
        // Values from the kit's SCHEMA.md table.
        assertThat(Workload.of("A").forwardGflop()).isCloseTo(1.0486, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Workload.of("B").trainGflop()).isCloseTo(2.3593, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Workload.of("D").forwardGflop()).isCloseTo(43.6208, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Workload.of("E").trainGflop()).isCloseTo(6.2915, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Workload.of("F").forwardGflop()).isCloseTo(0.2621, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Workload.of("S1").stepFlop()).isEqualTo(7680);
        assertThat(Workload.of("S2").stepFlop()).isEqualTo(163840);
    }

    @Test
    void resultLinesAreFlatJson() {
        String line = new JsonLine().put("bench", "rnn").put("B", 64).put("bidir", false).put("seq_per_s", 100000.0)
                .put("gflops", 0.000012345678).toString();
        assertThat(line).isEqualTo("{\"bench\":\"rnn\",\"B\":64,\"bidir\":false,\"seq_per_s\":100000,\"gflops\":0.0000123457}");
    }
}
