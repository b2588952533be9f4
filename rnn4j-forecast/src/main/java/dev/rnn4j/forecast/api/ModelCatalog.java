package dev.rnn4j.forecast.api;

import dev.rnn4j.forecast.model.DriftForecaster;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.LinearArForecaster;
import dev.rnn4j.forecast.model.MovingAverageForecaster;
import dev.rnn4j.forecast.model.Naive2Forecaster;
import dev.rnn4j.forecast.model.NaiveForecaster;
import dev.rnn4j.forecast.model.SeasonalNaiveForecaster;
import dev.rnn4j.forecast.model.SesForecaster;
import dev.rnn4j.forecast.model.ThetaForecaster;
import dev.rnn4j.forecast.model.XgboostForecaster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in baselines by name. */
public final class ModelCatalog {

    private static final Map<String, Supplier<Forecaster>> BASELINES = new LinkedHashMap<>();

    static {
        BASELINES.put("naive", NaiveForecaster::new);
        BASELINES.put("seasonal_naive", SeasonalNaiveForecaster::new);
        BASELINES.put("naive2", Naive2Forecaster::new);
        BASELINES.put("moving_average", MovingAverageForecaster::new);
        BASELINES.put("drift", DriftForecaster::new);
        BASELINES.put("ses", SesForecaster::new);
        BASELINES.put("theta", ThetaForecaster::new);
        BASELINES.put("linear_ar", LinearArForecaster::new);
        BASELINES.put("xgboost", XgboostForecaster::new);
    }

    private ModelCatalog() {
    }

    /**
     * The models under evaluation by name: {@code rnn}, the global recurrent forecaster, with its
     * trainer using {@code threads} worker threads.
     */
    public static Forecaster candidate(String name, int threads) {
        if (!name.equals("rnn")) {
            throw new IllegalArgumentException("Unknown candidate model '" + name + "'; expected rnn.");
        }
        return new dev.rnn4j.forecast.rnn.RnnForecaster(dev.rnn4j.forecast.rnn.RnnConfig.defaults().withThreads(threads));
    }

    /** Candidate names. */
    public static List<String> candidateNames() {
        return List.of("rnn");
    }

    /** Every baseline name, in table order. */
    public static List<String> baselineNames() {
        return List.copyOf(BASELINES.keySet());
    }

    /**
     * The named baselines; an empty list means all of them. XGBoost is left out, with a warning,
     * when its native library does not load here.
     */
    public static List<Forecaster> baselines(List<String> names, List<String> warnings) {
        List<String> wanted = names == null || names.isEmpty() ? baselineNames() : names;
        List<Forecaster> out = new ArrayList<>();
        for (String n : wanted) {
            Supplier<Forecaster> s = BASELINES.get(n);
            if (s == null) {
                throw new IllegalArgumentException("Unknown baseline '" + n + "'; expected one of "
                        + String.join(", ", BASELINES.keySet()) + ".");
            }
            if (n.equals("xgboost")) {
                String problem = XgboostForecaster.nativeLibraryProblem();
                if (problem != null) {
                    warnings.add(problem + "; the xgboost baseline is skipped.");
                    continue;
                }
            }
            out.add(s.get());
        }
        return out;
    }
}
