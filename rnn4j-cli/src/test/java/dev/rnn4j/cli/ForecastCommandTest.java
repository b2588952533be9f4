package dev.rnn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    private static final String[] SMALL_RNN = {"--hidden", "8", "--ensemble", "1", "--epochs", "3"};

    @TempDir
    Path dir;

    /** Eight years of a monthly seasonal series with a time column. */
    private Path monthlyCsv() throws IOException {
        StringBuilder sb = new StringBuilder("month,sales\n");
        for (int t = 0; t < 96; t++) {
            sb.append(String.format(Locale.ROOT, "%d-%02d,%.2f%n", 2010 + t / 12, t % 12 + 1,
                    100 + 20 * Math.sin(2 * Math.PI * t / 12) + 0.3 * t));
        }
        Path f = dir.resolve("sales.csv");
        Files.writeString(f, sb);
        return f;
    }

    private static MainTest.Result run(List<String> args) {
        return MainTest.run(args.toArray(String[]::new));
    }

    private static List<String> args(String... first) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(List.of(SMALL_RNN));
        return out;
    }

    @Test
    void backtestJsonRanksTheRnnAgainstTheBaselines() throws Exception {
        Path report = dir.resolve("report.html");
        List<String> a = args("forecast", "backtest", "--data", monthlyCsv().toString(), "--target", "sales", "--time",
                "month", "--baselines", "naive,seasonal_naive", "--folds", "2", "--report", report.toString(), "--json");
        MainTest.Result r = run(a);

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.lastLine());
        List<String> models = new ArrayList<>();
        for (JsonNode row : json.get("results")) {
            models.add(row.get("model").asText());
            for (String metric : List.of("mae", "rmse", "mape", "smape", "mase")) {
                assertThat(row.get(metric).isNumber()).as(metric).isTrue();
            }
        }
        assertThat(models).containsExactlyInAnyOrder("rnn", "naive", "seasonal_naive");
        assertThat(json.get("plan").get("folds").asInt()).isEqualTo(2);
        assertThat(Files.readString(report)).contains("rnn");
        assertThat(r.err()).contains("backtest 1/");
    }

    @Test
    void backtestNamesAMissingColumnInOneSentence() throws Exception {
        MainTest.Result r = run(args("forecast", "backtest", "--data", monthlyCsv().toString(), "--target", "revenue"));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("sales.csv").contains("revenue");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void backtestRefusesABidirectionalRnnAndAShuffledSplit() throws Exception {
        String data = monthlyCsv().toString();
        MainTest.Result bidi = run(args("forecast", "backtest", "--data", data, "--target", "sales", "--bidirectional"));
        assertThat(bidi.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bidi.err()).contains("bidirectional").contains("future leaks into the past");

        MainTest.Result shuffled = run(args("forecast", "backtest", "--data", data, "--target", "sales", "--shuffle"));
        assertThat(shuffled.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(shuffled.err()).contains("walk forward");
    }

    @Test
    void backtestRejectsAnUnknownWindowKind() throws Exception {
        MainTest.Result r = run(args("forecast", "backtest", "--data", monthlyCsv().toString(), "--window", "rolling"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--window must be one of expanding, sliding, got 'rolling'");
    }

    @Test
    void trainSavesAForecasterThatPredictLoads() throws Exception {
        String data = monthlyCsv().toString();
        Path model = dir.resolve("model");
        MainTest.Result train = run(args("forecast", "train", "--data", data, "--target", "sales", "--time", "month",
                "--model", model.toString(), "--horizon", "6", "--json"));
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode t = new ObjectMapper().readTree(train.lastLine());
        assertThat(t.get("horizon").asInt()).isEqualTo(6);
        assertThat(t.get("max_trained_length").asInt()).isPositive();
        assertThat(model.resolve("config.json")).exists();
        assertThat(model.resolve("weights.safetensors")).exists();

        MainTest.Result predict = run(List.of("forecast", "predict", "--model", model.toString(), "--data", data,
                "--target", "sales", "--time", "month", "--json"));
        assertThat(predict.code()).as(predict.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(predict.lastLine()).get("forecasts").get(0);
        assertThat(f.get("series").asText()).isEqualTo("sales");
        assertThat(f.get("forecast")).hasSize(6);
        for (JsonNode v : f.get("forecast")) {
            assertThat(v.asDouble()).isBetween(50.0, 200.0); // the data's range, not z-scores
        }
    }

    @Test
    void predictWithoutAModelSaysSo() throws Exception {
        MainTest.Result r = run(List.of("forecast", "predict", "--model", dir.resolve("none").toString(), "--data",
                monthlyCsv().toString()));
        assertThat(r.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void forecastWithoutAnActionAsksForOne() {
        MainTest.Result r = MainTest.run("forecast");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("backtest, benchmark, train, predict");
    }
}
