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

        PageCheck page = open(chromium.get(), report, tmp.resolve("profile"), Path.of("target", "report-screenshot.png"));
        assertThat(page.errors()).as("console errors and exceptions").isEmpty();
        JsonNode probe = page.probe();
        assertThat(probe.get("forecastCanvases").asInt()).as("forecast chart canvases").isGreaterThanOrEqualTo(1);
        assertThat(probe.get("forecastInk").asInt()).as("painted pixels in the forecast chart").isGreaterThan(2000);
        assertThat(probe.get("lossCanvases").asInt()).as("loss chart canvases").isGreaterThanOrEqualTo(1);
        assertThat(probe.get("lossInk").asInt()).as("painted pixels in the loss charts").isGreaterThan(1000);
        assertThat(probe.get("metricRows").asInt()).as("metrics table rows (header + 5 models)").isEqualTo(6);
        assertThat(probe.get("cards").asInt()).as("model cards").isEqualTo(5);
        assertThat(probe.get("verdict").asText()).contains("candidate ranks");
        assertThat(Files.size(Path.of("target", "report-screenshot.png"))).isGreaterThan(20_000);
    }

    /** The checks above can fail: a page with a console error, an exception and no chart is caught. */
    @Test
    void brokenPageIsCaught(@TempDir Path tmp) throws Exception {
        var chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium chromium-driver)");
        Path page = Files.writeString(tmp.resolve("broken.html"), "<!DOCTYPE html><html><body>"
                + "<div id='forecast-chart'></div><div id='loss'><canvas width='50' height='50'></canvas></div>"
                + "<table id='metrics'></table><div id='cards'></div><div id='verdict'></div>"
                + "<script>console.error('chart data missing'); undefinedFunction();</script></body></html>");
        PageCheck check = open(chromium.get(), page, tmp.resolve("profile"), tmp.resolve("broken.png"));
        assertThat(check.errors()).anySatisfy(e -> assertThat(e).contains("console.error").contains("chart data missing"));
        assertThat(check.errors()).anySatisfy(e -> assertThat(e).contains("undefinedFunction"));
        assertThat(check.probe().get("forecastCanvases").asInt()).isZero();
        assertThat(check.probe().get("lossInk").asInt()).as("a blank canvas has no ink").isZero();
    }

    /** What a page showed: errors reported by the browser and the probe's counts. */
    private record PageCheck(List<String> errors, JsonNode probe) {
    }

    private static PageCheck open(Path chromium, Path html, Path profileDir, Path screenshot) throws Exception {
        Path profile = Files.createDirectories(profileDir);
        try (HeadlessChromium browser = new HeadlessChromium(chromium, profile)) {
            browser.send("Runtime.enable", Map.of());
            browser.send("Log.enable", Map.of());
            browser.send("Page.enable", Map.of());
            browser.send("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 2400, "deviceScaleFactor", 1, "mobile", false));
            browser.send("Page.navigate", Map.of("url", html.toUri().toString()));
            browser.awaitEvent("Page.loadEventFired");

            JsonNode probe = new ObjectMapper().readTree(browser.send("Runtime.evaluate", Map.of(
                    "expression", PROBE, "returnByValue", true)).path("result").path("value").asText());
            String png = browser.send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            Files.write(screenshot, Base64.getDecoder().decode(png));

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
            return new PageCheck(errors, probe);
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
                verdict: (document.getElementById('verdict') || {}).textContent || ''
              });
            })()""";
}
