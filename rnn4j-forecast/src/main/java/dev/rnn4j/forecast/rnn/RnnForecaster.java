package dev.rnn4j.forecast.rnn;

import dev.rnn4j.forecast.prep.LevelScaling;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.forecast.data.TimeSeries;
import dev.rnn4j.forecast.model.CausalityGuard;
import dev.rnn4j.forecast.model.FitContext;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.model.Scaling;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.train.Losses;
import dev.rnn4j.train.Trainer;
import dev.rnn4j.train.TrainerConfig;
import dev.rnn4j.train.TrainingListener;
import dev.rnn4j.train.TrainingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A global recurrent forecaster: one GRU or LSTM stack (forward-only) learns from the windows of
 * every series at once and outputs all {@code h} steps directly from its last state. Series arrive
 * z-scored per series ({@link Scaling#ZSCORE}); each window is further expressed relative to its
 * own level, with the seasonal position as extra inputs when the season is known. Each member of
 * a small ensemble (different seeds, two lookbacks) trains with Adam, gradient clipping and early
 * stopping on a walk-forward validation window at the end of every series; the forecast is the
 * members' median. Same data, config and seed: same forecasts.
 */
public final class RnnForecaster implements Forecaster {

    private static final int MIN_LOOKBACK = 8;
    private static final int MAX_LOOKBACK = 104;
    private final RnnConfig config;

    public RnnForecaster(RnnConfig config) {
        this.config = config;
    }

    public RnnForecaster() {
        this(RnnConfig.defaults());
    }

    public RnnConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "rnn";
    }

    @Override
    public Scaling inputScaling() {
        return Scaling.ZSCORE;
    }

    @Override
    public int minTrainingLength(int horizon) {
        // windows shorter than the lookback are padded; a series needs values beyond the held-out end
        return horizon + 2;
    }

    @Override
    public void checkCausal() {
        CausalityGuard.requireForwardOnly(name(), config.recurrent(1));
    }

    @Override
    public Map<String, String> modelCard() {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("model", name());
        card.put("architecture", architecture("h"));
        card.put("inputs", "per step: value relative to the window's level, plus sin/cos of the seasonal position when the season is known");
        card.put("lookback", config.lookback() > 0 ? String.valueOf(config.lookback())
                : "two seasons or two horizons (" + MIN_LOOKBACK + " to " + MAX_LOOKBACK + "), capped by the median training length");
        card.put("ensemble", config.ensemble() + " members (seeds, lookback and 1.5x lookback), median");
        card.put("training", "Adam " + config.learningRate() + ", batch " + config.batchSize() + ", at most "
                + config.maxEpochs() + " epochs, early stopping (patience " + config.patience()
                + ") on a walk-forward validation window at the end of each series, then 1 to 5 epochs on every window "
                + "at a third of the rate; mean absolute error loss, global-norm clipping 1");
        return card;
    }

    private String architecture(String horizon) {
        return config.cell().name() + " " + config.layers() + "x" + config.hidden() + ", forward-only, dense head on the last step -> "
                + horizon + " outputs (direct multi-horizon)";
    }

    @Override
    public RnnFitted fit(List<TimeSeries> training, FitContext context) {
        checkCausal();
        int h = context.horizon();
        int period = context.period(training.get(0));
        LevelScaling scaling = LevelScaling.choose(training.stream().map(TimeSeries::valuesView).toList());
        // multiplicative seasonal adjustment needs positive data; z-scored series rely on the position inputs
        boolean deseasonalize = scaling != LevelScaling.DIFFERENCE && period > 1;
        int[] lookbacks = lookbacks(training, h, period);
        List<Member> members = new ArrayList<>();
        List<LossPoint> firstCurve = new ArrayList<>();
        int totalEpochs = 0;
        double seconds = 0;
        int windows = 0;
        for (int k = 0; k < config.ensemble(); k++) {
            WindowEncoder enc = new WindowEncoder(scaling, period, lookbacks[k % lookbacks.length], deseasonalize);
            long seed = context.seed() + 1_000_003L * k;
            TrainingSet data = TrainingSet.build(training, enc, h, config.maxWindows());
            windows = Math.max(windows, data.train().size());
            List<LossPoint> curve = k == 0 ? firstCurve : new ArrayList<>();
            Member m = trainMember(enc, h, seed, data, curve);
            members.add(m);
            totalEpochs += m.epochs();
            seconds += m.seconds();
        }
        Map<String, String> card = modelCard();
        card.put("architecture", architecture(String.valueOf(h)));
        card.put("lookback", lookbacksText(lookbacks));
        card.put("level scaling", switch (scaling) {
            case LOG_RATIO -> "log of the ratio to the window's mean";
            case RATIO -> "ratio to the window's mean absolute value, minus 1";
            case DIFFERENCE -> "difference from the window's mean";
        });
        card.put("season", period <= 1 ? "none" : period + " (sin/cos position inputs"
                + (deseasonalize ? "; seasonal series multiplicatively adjusted first)" : ")"));
        card.put("trained", String.format(Locale.ROOT, "%d members, %d epochs in all, up to %d training windows each, "
                        + "validation loss per member %s, %.1f s", members.size(), totalEpochs, windows,
                members.stream().map(m -> String.format(Locale.ROOT, "%.4f", m.best())).toList(), seconds));
        card.put("max trained sequence length", String.valueOf(max(lookbacks)));
        return new RnnFitted(members, h, firstCurve, card);
    }

    private Member trainMember(WindowEncoder enc, int h, long seed, TrainingSet data, List<LossPoint> curve) {
        ModelConfig.Builder b = ModelConfig.builder().inputs(enc.features());
        for (int l = 0; l < config.layers(); l++) {
            b.layer(config.cell(), config.hidden());
        }
        SequenceModel model = SequenceModel.create(b.denseOnLastStep(h).seed(seed).build());
        TrainerConfig tc = TrainerConfig.builder().optimizer(OptimizerConfig.adam(config.learningRate()))
                .epochs(config.maxEpochs()).batchSize(config.batchSize()).clipGlobalNorm(1.0)
                .earlyStopping(config.patience(), true).threads(config.threads()).seed(seed).build();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                curve.add(new LossPoint(m.epoch() + 1, m.trainLoss(), m.validationLoss()));
            }
        };
        TrainingResult r = new Trainer(tc, Losses.mae(), List.of(recorder), null).fit(model, data.train(), data.validation());
        // the best weights never saw the held-out end of each series, the most recent data: a few
        // epochs on every window, at a third of the rate, bring it in without undoing the early stop
        int refit = Math.max(1, Math.min(5, (r.bestEpoch() + 1) / 4));
        List<Sequence> all = new ArrayList<>(data.train());
        all.addAll(data.validation());
        TrainerConfig tail = TrainerConfig.builder().optimizer(OptimizerConfig.adam(config.learningRate() / 3))
                .epochs(refit).batchSize(config.batchSize()).clipGlobalNorm(1.0).threads(config.threads())
                .seed(seed + 1).build();
        int offset = curve.size();
        TrainingListener tailRecorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                curve.add(new LossPoint(offset + m.epoch() + 1, m.trainLoss(), Double.NaN));
            }
        };
        TrainingResult t = new Trainer(tail, Losses.mae(), List.of(tailRecorder), null).fit(model, all, List.of());
        return new Member(model, enc, seed, r.epochs() + t.epochs(), r.bestValidationLoss(), r.seconds() + t.seconds());
    }

    /**
     * The members' lookbacks: the configured one, or two seasons / two horizons within
     * [8, 104], capped so that the median series still fills a window plus its held-out end;
     * the second is 1.5 times the first.
     */
    int[] lookbacks(List<TimeSeries> training, int h, int period) {
        int base;
        if (config.lookback() > 0) {
            base = config.lookback();
        } else {
            int[] lengths = training.stream().mapToInt(TimeSeries::length).sorted().toArray();
            int median = lengths[lengths.length / 2];
            int wanted = Math.min(MAX_LOOKBACK, Math.max(MIN_LOOKBACK, Math.max(2 * period, 2 * h)));
            int room = median - h - TrainingSet.validationSpan(median, h, training.size());
            base = Math.max(4, Math.min(wanted, room));
        }
        int longer = (int) Math.round(base * 1.5);
        return config.ensemble() > 1 && longer > base ? new int[]{base, longer} : new int[]{base};
    }

    private static String lookbacksText(int[] lookbacks) {
        return java.util.Arrays.stream(lookbacks).mapToObj(String::valueOf).reduce((a, c) -> a + " and " + c).orElse("");
    }

    private static int max(int[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }
}
