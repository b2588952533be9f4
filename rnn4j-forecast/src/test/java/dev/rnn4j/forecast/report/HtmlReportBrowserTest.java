package dev.rnn4j.forecast.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.forecast.api.BacktestRequest;
import dev.rnn4j.forecast.api.BacktestRunner;
import dev.rnn4j.forecast.api.ProgressListener;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.SeasonalNaiveForecaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the demo's report in headless Chromium (Debian packages chromium and chromium-driver) and
 * fails on any console error, uncaught exception or empty chart; skipped when Chromium is absent.
 * The screenshot is kept at target/report-screenshot.png for people to look at.
 */
class HtmlReportBrowserTest {

    /**
     * A candidate that forecasts like seasonal naive and reports a fixed, decreasing loss curve, so
     * that the report's loss section has something to draw until the recurrent trainer feeds it.
     */
    private static final class CurveReportingCandidate implements Forecaster {
        @Override
        public String name() {
            return "candidate";
        }

        @Override
        public Fitted fit(List<TimeSeries> training, FitContext context) {
            Fitted inner = new SeasonalNaiveForecaster().fit(training, context);
            List<LossPoint> curve = new ArrayList<>();
            for (int e = 1; e <= 20; e++) {
                curve.add(new LossPoint(e, 1.0 / e, 1.2 / e + 0.05));
            }
            return new WithCurve(inner, curve);
        }

        private record WithCurve(Fitted inner, List<LossPoint> lossHistory) implements Fitted, TrainingHistory {
            @Override
            public double[] forecast(TimeSeries history, int horizon) {
                return inner.forecast(history, horizon);
            }
        }
    }

    @Test
    void demoReportRendersChartsWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        var chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium chromium-driver)");

        Path report = tmp.resolve("report.html");
        BacktestRequest request = BacktestRequest.demo(report)
                .withBaselines(List.of("naive", "seasonal_naive", "theta", "linear_ar"))
                .withCandidates(List.of(new CurveReportingCandidate()));
        BacktestRunner.run(request, ProgressListener.silent());

        Path profile = Files.createDirectories(tmp.resolve("profile"));
        try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), profile)) {
            browser.send("Runtime.enable", Map.of());
            browser.send("Log.enable", Map.of());
            browser.send("Page.enable", Map.of());
            browser.send("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 2400, "deviceScaleFactor", 1, "mobile", false));
            browser.send("Page.navigate", Map.of("url", report.toUri().toString()));
            browser.awaitEvent("Page.loadEventFired");

            JsonNode probe = new ObjectMapper().readTree(browser.send("Runtime.evaluate", Map.of(
                    "expression", PROBE, "returnByValue", true)).path("result").path("value").asText());
            String png = browser.send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            Path shot = Path.of("target", "report-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, Base64.getDecoder().decode(png));

            List<String> errors = new ArrayList<>();
            for (JsonNode e : browser.events()) {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                if (method.equals("Runtime.exceptionThrown")) {
                    errors.add("exception: " + p.path("exceptionDetails"));
                } else if (method.equals("Runtime.consoleAPICalled") && List.of("error", "assert")
                        .contains(p.path("type").asText())) {
                    errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
                } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + p.path("entry").path("text").asText());
                }
            }
            assertThat(errors).as("console errors and exceptions").isEmpty();
            assertThat(probe.get("forecastCanvases").asInt()).as("forecast chart canvases").isGreaterThanOrEqualTo(1);
            assertThat(probe.get("forecastInk").asInt()).as("painted pixels in the forecast chart").isGreaterThan(2000);
            assertThat(probe.get("lossCanvases").asInt()).as("loss chart canvases").isGreaterThanOrEqualTo(1);
            assertThat(probe.get("lossInk").asInt()).as("painted pixels in the loss charts").isGreaterThan(1000);
            assertThat(probe.get("metricRows").asInt()).as("metrics table rows (header + 5 models)").isEqualTo(6);
            assertThat(probe.get("cards").asInt()).as("model cards").isEqualTo(5);
            assertThat(probe.get("verdict").asText()).contains("candidate ranks");
            assertThat(Files.size(shot)).isGreaterThan(20_000);
        }
    }

    /** Counts canvases and their non-transparent, non-white pixels in each chart section. */
    private static final String PROBE = """
            (function () {
              function ink(sel) {
                var total = 0;
                document.querySelectorAll(sel + ' canvas').forEach(function (c) {
                  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (var i = 0; i < d.length; i += 4) {
                    if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) { total++; }
                  }
                });
                return total;
              }
              return JSON.stringify({
                forecastCanvases: document.querySelectorAll('#forecast-chart canvas').length,
                forecastInk: ink('#forecast-chart'),
                lossCanvases: document.querySelectorAll('#loss canvas').length,
                lossInk: ink('#loss'),
                metricRows: document.querySelectorAll('#metrics tr').length,
                cards: document.querySelectorAll('#cards .card').length,
                verdict: document.getElementById('verdict').textContent
              });
            })()""";
}
