package dev.rnn4j.forecast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.forecast.bench.BenchmarkResult;
import dev.rnn4j.forecast.bench.BenchmarkTable;
import dev.rnn4j.forecast.bench.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BenchmarkRunnerTest {

    private static final String HEADER = "\"series_id\",\"st\",\"period\",\"frequency\",\"start\",\"n\",\"h\",\"train\",\"test\"\n";

    /** A miniature Tourism directory: two monthly, one quarterly, one yearly series. */
    private static Path miniTourism(Path dir) throws Exception {
        StringBuilder monthly = new StringBuilder(HEADER);
        for (int s = 1; s <= 2; s++) {
            StringBuilder train = new StringBuilder();
            for (int t = 0; t < 36; t++) {
                train.append(t == 0 ? "" : " ").append(100 * s + 10 * (t % 12));
            }
            monthly.append("\"M").append(s).append("\",\"m\",\"MONTHLY\",12,\"1979-1\",36,2,\"").append(train)
                    .append("\",\"").append(100 * s).append(' ').append(100 * s + 11).append("\"\n");
        }
        Files.writeString(dir.resolve("tourism_monthly.csv"), monthly);
        Files.writeString(dir.resolve("tourism_quarterly.csv"), HEADER
                + "\"Q1\",\"q\",\"QUARTERLY\",4,\"1979-1\",8,1,\"1 2 3 4 1 2 3 4\",\"2\"\n");
        Files.writeString(dir.resolve("tourism_yearly.csv"), HEADER
                + "\"Y1\",\"y\",\"YEARLY\",1,\"1979-1\",4,1,\"10 12 14 16\",\"16\"\n");
        return dir;
    }

    @Test
    void runsTheProtocolAndPrintsJsonWithLowerCaseMetricKeys(@TempDir Path tmp) throws Exception {
        BenchmarkRequest r = new BenchmarkRequest(Suite.TOURISM, miniTourism(tmp), List.of("naive", "seasonal_naive"),
                List.of(), 1);
        List<String> warnings = new ArrayList<>();
        BenchmarkResult result = BenchmarkRunner.run(r, ProgressListener.silent(), warnings);
        // seasonal naive on the monthly series: forecasts 100s, 100s+10 against 100s, 100s+11
        // yearly: naive 16 against 16 is exact; quarterly: season 4 repeats 1 against 2
        assertThat(result.scores().get("seasonal_naive").get(2).mase()).isZero();
        assertThat(result.scores().get("seasonal_naive").get(1).smape()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(result.overall("seasonal_naive").series()).isEqualTo(4);
        assertThat(BenchmarkTable.format(result)).contains("TOURISM MASE").contains("seasonal_naive");

        JsonNode json = new ObjectMapper().readTree(ResultJson.benchmark(result, warnings));
        assertThat(json.get("results")).extracting(n -> n.get("model").asText()).containsExactly("naive", "seasonal_naive");
        for (JsonNode m : json.get("results")) {
            for (String k : List.of("mae", "rmse", "mape", "smape", "mase")) {
                assertThat(m.has(k)).as(k).isTrue();
            }
            assertThat(m.get("by_period").has("monthly")).isTrue();
        }
    }

    @Test
    void missingSuiteFileIsNamed(@TempDir Path tmp) {
        assertThatThrownBy(() -> BenchmarkRunner.run(BenchmarkRequest.of(Suite.M3, tmp), ProgressListener.silent(),
                new ArrayList<>())).isInstanceOf(NoSuchFileException.class).hasMessageContaining("m3_yearly.csv");
    }
}
