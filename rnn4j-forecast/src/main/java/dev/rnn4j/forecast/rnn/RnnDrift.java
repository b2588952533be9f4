package dev.rnn4j.forecast.rnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.prep.ZScore;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.monitor.LayerActivity;
import dev.rnn4j.monitor.NormProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Hidden-state drift for a forecaster: the first member's recurrent layers are watched (one
 * profile is enough to see the input pipeline or the series change). The reference is measured on
 * the windows training held out for validation; live data is cut into windows by the same
 * {@link TrainingSet} code, with the stored per-series scalers, so both sides are the same
 * quantity ({@link LayerActivity}).
 */
public final class RnnDrift {

    /** The member whose hidden states the profile describes. */
    public static final int MEMBER = 0;

    private RnnDrift() {
    }

    /**
     * The model card's drift section for a fit on {@code scaled} (the z-scored training series):
     * the first member's layer activity on its validation windows, or on its training windows when
     * none were held out; null when they have fewer than {@value NormProfile#BINS} steps.
     */
    static ObjectNode profile(RnnFitted fitted, List<TimeSeries> scaled, int maxWindows) {
        Member first = fitted.members().get(MEMBER);
        // deterministic: the same windows the member was validated on in RnnForecaster.fit
        TrainingSet set = TrainingSet.build(scaled, first.encoder(), fitted.horizon(), maxWindows);
        boolean validation = !set.validation().isEmpty();
        LayerActivity activity = LayerActivity.measure(first.model(), validation ? set.validation() : set.train());
        if (activity.norms(0).length < NormProfile.BINS) {
            return null;
        }
        ObjectNode drift = LayerActivity.toJson(activity.profiles(), validation ? "validation" : "training", ModelFiles.json());
        drift.put("member", MEMBER);
        drift.put("lookback", first.encoder().lookback());
        return drift;
    }

    /** The network whose hidden states the profile describes. */
    public static SequenceModel model(TrainedRnn trained) {
        return trained.fitted().members().get(MEMBER).model();
    }

    /** The lookback of the watched member's windows. */
    public static int lookback(TrainedRnn trained) {
        return trained.fitted().members().get(MEMBER).encoder().lookback();
    }

    /**
     * Every window of the watched member in {@code series} (lookback steps followed by a horizon),
     * each series z-scored with the scaler it was trained under, in the order a live feed would
     * bring them: oldest first, and at each step back from the end one window of every series that
     * reaches that far (so that a sliding window of recent steps sees the same mix of series as
     * the reference, not one series at a time).
     *
     * @throws IllegalArgumentException naming a series the model has no scaler for, or one too
     *                                  short to give a single window
     */
    public static List<Sequence> windows(TrainedRnn trained, List<TimeSeries> series) {
        WindowEncoder enc = trained.fitted().members().get(MEMBER).encoder();
        int horizon = trained.fitted().horizon();
        List<List<Sequence>> perSeries = new ArrayList<>();
        int longest = 0;
        for (TimeSeries s : series) {
            ZScore z = trained.scalers().get(s.id());
            if (z == null) {
                throw new IllegalArgumentException("series '" + s.id() + "' is not one the forecaster was trained on (it has scalers for "
                        + trained.scalers().keySet() + "), so its values cannot be put on the training scale.");
            }
            if (s.length() <= horizon) {
                throw new IllegalArgumentException("series '" + s.id() + "' has " + s.length() + " values, too few for one window: "
                        + "the forecaster needs more than its horizon " + horizon + ".");
            }
            TrainingSet set = TrainingSet.build(List.of(s.withValues(z.transform(s.valuesView()))), enc, horizon, Integer.MAX_VALUE);
            // both lists run newest first, validation (the series' end) before training: together, newest first
            List<Sequence> all = new ArrayList<>(set.validation());
            all.addAll(set.train());
            perSeries.add(all);
            longest = Math.max(longest, all.size());
        }
        List<Sequence> out = new ArrayList<>();
        for (int back = longest - 1; back >= 0; back--) {
            for (List<Sequence> w : perSeries) {
                if (back < w.size()) {
                    out.add(w.get(back));
                }
            }
        }
        return out;
    }

    /** Whether a config.json was written by {@link RnnModelFile#save}. */
    public static boolean isForecaster(JsonNode config) {
        return RnnModelFile.KIND.equals(config.path("kind").asText());
    }
}
