package dev.rnn4j.forecast.rnn;

import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.Forecaster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained ensemble: every member forecasts, the median of their forecasts is the answer (robust
 * to one member that trained badly). Its loss history is the first member's curve.
 *
 * @param members  the trained networks
 * @param horizon  steps each network outputs
 * @param history  the first member's loss per epoch
 * @param card     what the report's model card shows about this fit
 */
public record RnnFitted(List<Member> members, int horizon, List<Forecaster.LossPoint> history, Map<String, String> card)
        implements Forecaster.Fitted, Forecaster.TrainingHistory {

    public RnnFitted {
        members = List.copyOf(members);
        history = List.copyOf(history);
        card = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(card));
    }

    @Override
    public double[] forecast(TimeSeries history, int steps) {
        return forecastAll(List.of(history), steps).get(0);
    }

    @Override
    public List<double[]> forecastAll(List<TimeSeries> histories, int steps) {
        if (steps > horizon) {
            throw new IllegalArgumentException("this RNN forecaster was trained for horizon " + horizon + ", asked for "
                    + steps + "; train it again with --horizon " + steps + ".");
        }
        List<double[][]> perMember = new ArrayList<>(members.size());
        for (Member m : members) {
            perMember.add(m.forecast(histories, steps));
        }
        List<double[]> out = new ArrayList<>(histories.size());
        double[] votes = new double[members.size()];
        for (int r = 0; r < histories.size(); r++) {
            double[] f = new double[steps];
            for (int k = 0; k < steps; k++) {
                for (int i = 0; i < votes.length; i++) {
                    votes[i] = perMember.get(i)[r][k];
                }
                f[k] = median(votes);
            }
            out.add(f);
        }
        return out;
    }

    @Override
    public List<Forecaster.LossPoint> lossHistory() {
        return history;
    }

    /** The model card of this fit: architecture with the real horizon, lookbacks, training summary, maximum trained length. */
    @Override
    public Map<String, String> fittedCard() {
        return card;
    }

    /** Longest input window any member was trained on (longer histories are cut to it). */
    public int maxTrainedLength() {
        return members.stream().mapToInt(m -> m.encoder().lookback()).max().orElse(0);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
