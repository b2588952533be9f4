package dev.rnn4j.forecast.rnn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.prep.ZScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained RNN forecaster together with the per-series z-scores it was trained under: what
 * {@code rnn4j forecast train} saves and {@code predict} loads. A series it was trained on is
 * scaled with its training statistics; a new series with statistics of its own history.
 *
 * @param fitted  the ensemble, working on z-scored values
 * @param scalers z-score of each training series, by series id
 * @param drift   the model card's drift profile ({@link RnnDrift}), or null (a file saved before
 *                forecasters recorded one, or too few validation steps)
 */
public record TrainedRnn(RnnFitted fitted, Map<String, ZScore> scalers, JsonNode drift) {

    public TrainedRnn {
        scalers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalers));
        drift = drift == null ? null : drift.deepCopy();
    }

    public TrainedRnn(RnnFitted fitted, Map<String, ZScore> scalers) {
        this(fitted, scalers, null);
    }

    /** The number of trained parameters of each ensemble member, in member order. */
    public List<Integer> parameterCounts() {
        return fitted.members().stream().map(m -> m.model().parameters().length).toList();
    }

    /** The drift profile, a copy (JSON nodes are mutable), or null. */
    @Override
    public JsonNode drift() {
        return drift == null ? null : drift.deepCopy();
    }

    /**
     * Fits a z-score per series on its values, then the forecaster on the z-scored series, then
     * measures the first member's drift profile on its validation windows.
     */
    public static TrainedRnn train(RnnForecaster forecaster, List<TimeSeries> series,
                                   dev.rnn4j.forecast.model.FitContext context) {
        Map<String, ZScore> scalers = new LinkedHashMap<>();
        List<TimeSeries> scaled = new ArrayList<>(series.size());
        for (TimeSeries s : series) {
            ZScore z = ZScore.fit(s.valuesView());
            if (scalers.put(s.id(), z) != null) {
                throw new IllegalArgumentException("Two series share the id '" + s.id() + "'; series ids must be unique.");
            }
            scaled.add(s.withValues(z.transform(s.valuesView())));
        }
        RnnFitted fitted = forecaster.fit(scaled, context);
        return new TrainedRnn(fitted, scalers, RnnDrift.profile(fitted, scaled, forecaster.config().maxWindows()));
    }

    /** The next {@code horizon} values after each history, in data units. */
    public List<double[]> forecast(List<TimeSeries> histories, int horizon) {
        List<ZScore> used = new ArrayList<>(histories.size());
        List<TimeSeries> scaled = new ArrayList<>(histories.size());
        for (TimeSeries s : histories) {
            ZScore z = scalers.getOrDefault(s.id(), null);
            z = z != null ? z : ZScore.fit(s.valuesView());
            used.add(z);
            scaled.add(s.withValues(z.transform(s.valuesView())));
        }
        List<double[]> raw = fitted.forecastAll(scaled, horizon);
        List<double[]> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(used.get(i).inverse(raw.get(i)));
        }
        return out;
    }
}
