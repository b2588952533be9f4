package dev.rnn4j.forecast.rnn;

import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.tensor.Tensor;

import java.util.List;

/**
 * One trained network of the ensemble with the window encoding it was trained on.
 *
 * @param model   the network: lookback steps in, horizon values out
 * @param encoder how its inputs are cut and scaled
 * @param seed    the seed of its initial weights and shuffling
 * @param epochs  epochs it trained
 * @param best    its best validation loss (NaN without validation windows)
 * @param seconds its training wall time
 */
record Member(SequenceModel model, WindowEncoder encoder, long seed, int epochs, double best, double seconds) {

    /** Forecasts {@code horizon} values after each history, in data units: [history][step]. */
    double[][] forecast(List<dev.rnn4j.forecast.data.TimeSeries> histories, int horizon) {
        int lookback = encoder.lookback();
        int f = encoder.features();
        int rows = histories.size();
        float[] x = new float[rows * lookback * f];
        double[] levels = new double[rows];
        double[][] seasons = new double[rows][];
        for (int r = 0; r < rows; r++) {
            var s = histories.get(r);
            int pad = Math.max(0, lookback - s.length());
            seasons[r] = encoder.seasonalIndices(s.valuesView());
            double[] y = WindowEncoder.padLeft(SeasonalAdjustment.adjust(s.valuesView(), seasons[r]), pad);
            int start = y.length - lookback;
            levels[r] = encoder.level(y, start);
            System.arraycopy(encoder.inputs(s, y, pad, start, levels[r]), 0, x, r * lookback * f, lookback * f);
        }
        float[] out = model.predict(Tensor.of(x, rows, lookback, f), null).data();
        int width = model.outputSize();
        double[][] result = new double[rows][horizon];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < horizon; k++) {
                result[r][k] = encoder.unscale(out[r * width + k], levels[r]);
            }
            SeasonalAdjustment.reseasonalize(result[r], histories.get(r).length(), seasons[r]);
        }
        return result;
    }
}
