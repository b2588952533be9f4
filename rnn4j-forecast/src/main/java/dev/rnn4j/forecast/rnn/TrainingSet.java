package dev.rnn4j.forecast.rnn;

import dev.rnn4j.data.Sequence;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.prep.Windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Training and validation windows for one ensemble member, split walk-forward: the validation
 * targets are the last {@code validationSpan} values of each series' training part, every training
 * window ends before them. Never a random split.
 *
 * @param train      training windows, the most recent of each series first, at most an equal share
 *                   of the window budget per series
 * @param validation windows whose targets lie in the held-out end of each series
 */
record TrainingSet(List<Sequence> train, List<Sequence> validation) {

    /**
     * How many values at the end of a series the validation windows cover: the horizon, plus up to
     * 100 extra origins spread over the series (so that one or a few series still give a stable
     * validation loss), never more than a tenth of the series.
     */
    static int validationSpan(int length, int horizon, int seriesCount) {
        int extra = Math.min(length / 10, Math.max(0, 100 / seriesCount - 1));
        return horizon + extra;
    }

    static TrainingSet build(List<TimeSeries> series, WindowEncoder enc, int horizon, int maxWindows) {
        int lookback = enc.lookback();
        int quota = Math.max(1, maxWindows / series.size());
        List<Sequence> train = new ArrayList<>();
        List<Sequence> validation = new ArrayList<>();
        for (TimeSeries s : series) {
            if (s.length() <= horizon) {
                continue; // nothing to learn from: every value would be a target of the held-out end
            }
            int v = validationSpan(s.length(), horizon, series.size());
            int pad = Math.max(0, lookback + horizon + v - s.length());
            double[] values = s.valuesView();
            double[] y = WindowEncoder.padLeft(SeasonalAdjustment.adjust(values, enc.seasonalIndices(values)), pad);
            int end = y.length - v; // training targets stop here
            for (int start = y.length - horizon - lookback; start >= end - horizon - lookback + 1 && start >= 0; start--) {
                validation.add(window(s, y, pad, start, enc, horizon));
            }
            int taken = 0;
            for (int start = end - horizon - lookback; start >= 0 && taken < quota; start--, taken++) {
                if (taken > 0 && start < pad - lookback / 2) {
                    break; // windows that are mostly padding teach nothing
                }
                train.add(window(s, y, pad, start, enc, horizon));
            }
        }
        if (train.isEmpty()) {
            TimeSeries shortest = series.stream().min(java.util.Comparator.comparingInt(TimeSeries::length)).orElseThrow();
            throw Windows.tooShort(shortest, lookback, horizon);
        }
        return new TrainingSet(train, validation);
    }

    private static Sequence window(TimeSeries s, double[] y, int pad, int start, WindowEncoder enc, int horizon) {
        double level = enc.level(y, start);
        return Sequence.of(s.id() + "@" + (start - pad), enc.inputs(s, y, pad, start, level), enc.lookback(),
                enc.targets(y, start, horizon, level));
    }
}
