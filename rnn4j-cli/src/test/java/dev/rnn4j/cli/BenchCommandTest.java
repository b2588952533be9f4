package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void streamingConfigPrintsOneSchemaLine() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "--config", "S1", "--mode", "stream", "--threads", "1", "--max-seconds", "0.05", "--json");
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertThat(line.get("bench").asText()).isEqualTo("stream");
        assertThat(line.get("peer").asText()).isEqualTo("rnn4j");
        assertThat(line.get("config").asText()).isEqualTo("S1");
        assertThat(line.get("H").asInt()).isEqualTo(32);
        assertThat(line.get("us_median").asDouble()).isPositive();
    }

    @Test
    void aModeThatDoesNotApplyIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "bench", "--config", "S2", "--mode", "train");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--mode train does not apply to config S2");
    }
}
