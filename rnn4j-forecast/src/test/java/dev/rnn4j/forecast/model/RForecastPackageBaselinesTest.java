package dev.rnn4j.forecast.model;

import dev.rnn4j.forecast.data.CsvSeriesReader;
import dev.rnn4j.forecast.data.CsvSpec;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.eval.MetricSet;
import dev.rnn4j.forecast.eval.Metrics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our naive, seasonal naive and Theta against R's forecast package on the same hold-outs
 * (AirPassengers, co2, USAccDeaths; figures computed by R, bundled in test resources). Naive and
 * seasonal naive have no parameters, so they must agree to the printed precision; Theta fits a
 * smoothing weight by numerical optimisation, so it gets a 0.1 % band.
 */
class RForecastPackageBaselinesTest {

    private static final Map<String, Forecaster> MODELS = Map.of("naive", new NaiveForecaster(),
            "snaive", new SeasonalNaiveForecaster(), "theta", new ThetaForecaster());

    static List<CSVRecord> rows() throws Exception {
        try (Reader in = resource("forecast_pkg_baselines.csv");
             CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords().stream().filter(r -> MODELS.containsKey(r.get("method"))).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesRForecastPackage(CSVRecord row) throws Exception {
        String name = row.get("series");
        TimeSeries all;
        try (Reader in = resource(name + ".csv")) {
            all = CsvSeriesReader.read(in, name + ".csv", CsvSpec.target("value", "time")).series().get(0);
        }
        assertThat(all.frequency()).as("frequency inferred from R decimal time").isEqualTo(12);
        String[] end = row.get("train_end").split("-");
        double endTime = Integer.parseInt(end[0]) + (Integer.parseInt(end[1]) - 1) / 12.0;
        int n = 0;
        while (n < all.length() && Double.parseDouble(all.times().get(n)) < endTime + 1e-6) {
            n++;
        }
        int h = Integer.parseInt(row.get("h"));
        TimeSeries train = all.head(n);
        double[] actual = all.slice(n, n + h).valuesView();
        double[] f = MODELS.get(row.get("method")).fit(List.of(train), FitContext.of(h)).forecast(train, h);
        MetricSet m = Metrics.all(actual, f, train.valuesView(), 12);

        double tol = row.get("method").equals("theta") ? 0.001 : 0.0005;
        System.out.printf(Locale.ROOT, "%-14s %-7s RMSE %9.3f (R %9.3f)  MASE %6.3f (R %6.3f)%n", name,
                row.get("method"), m.rmse(), Double.parseDouble(row.get("RMSE")), m.mase(),
                Double.parseDouble(row.get("MASE")));
        for (String k : List.of("RMSE", "MAE", "MAPE", "MASE")) {
            double expected = Double.parseDouble(row.get(k));
            assertThat(m.get(k.toLowerCase(Locale.ROOT))).as(k).isCloseTo(expected, within(tol * Math.abs(expected) + 0.0015));
        }
    }

    private static Reader resource(String name) {
        return new InputStreamReader(RForecastPackageBaselinesTest.class.getResourceAsStream("/r_datasets/" + name),
                StandardCharsets.UTF_8);
    }
}
