package dev.rnn4j.train;

import dev.rnn4j.data.Batch;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.HeadSpec;
import dev.rnn4j.model.ModelState;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.optim.PlateauTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link SequenceModel}: shuffled mini-batches (or consecutive ones, stateful), full or
 * truncated BPTT, clipping, the optimiser and schedule, NaN/Inf detection, early stopping with
 * restore-best, and per-epoch checkpoints that resume bit-identically.
 *
 * <p>Determinism: every random draw of epoch e comes from a source seeded by (seed, e); each
 * batch's rows are split into one contiguous share per thread, and the shares' gradients are
 * added in share order. Same seed and thread count, same weights.
 */
public final class Trainer {

    private final TrainerConfig config;
    private final Loss loss;
    private final List<TrainingListener> listeners;
    private final Path checkpointDir;

    public Trainer(TrainerConfig config, Loss loss, List<TrainingListener> listeners, Path checkpointDir) {
        this.config = config;
        this.loss = loss;
        this.listeners = List.copyOf(listeners);
        this.checkpointDir = checkpointDir;
    }

    public Trainer(TrainerConfig config, Loss loss) {
        this(config, loss, List.of(), null);
    }

    public TrainerConfig config() {
        return config;
    }

    /** Trains from the model's current weights. {@code validation} may be empty (no early stopping then). */
    public TrainingResult fit(SequenceModel model, List<Sequence> train, List<Sequence> validation) {
        return fit(model, train, validation, null);
    }

    /** Continues from {@code resume} (a checkpoint of this same run), or starts fresh when null. */
    public TrainingResult fit(SequenceModel model, List<Sequence> train, List<Sequence> validation, Checkpoint resume) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("Training needs at least one sequence, got none.");
        }
        if (config.stateful() && model.config().layers().stream().anyMatch(l -> l.bidirectional())) {
            throw new IllegalArgumentException("Stateful training carries state forward in time, which a bidirectional layer "
                    + "cannot do; use unidirectional layers.");
        }
        long started = System.nanoTime();
        Run run = new Run(model, config.optimizer().create(model.parameters().length));
        int startEpoch = 0;
        if (resume != null) {
            startEpoch = run.restore(resume);
        }
        int batches = config.stateful() ? train.size() / config.batchSize() : (train.size() + config.batchSize() - 1) / config.batchSize();
        if (batches == 0) {
            throw new IllegalArgumentException("Stateful training needs at least batchSize=" + config.batchSize()
                    + " sequences, got " + train.size() + ".");
        }
        for (TrainingListener l : listeners) {
            l.onStart(startEpoch, config.epochs(), batches);
        }
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "rnn4j-train");
            t.setDaemon(true);
            return t;
        }) : null;
        boolean stoppedEarly = false;
        int epoch = startEpoch;
        try {
            for (; epoch < config.epochs(); epoch++) {
                run.epoch(epoch, train, validation, batches, pool);
                if (checkpointDir != null) {
                    run.checkpoint(epoch + 1).save(checkpointDir);
                    run.lastCheckpoint = checkpointDir;
                }
                if (config.patience() > 0 && !validation.isEmpty() && run.badEpochs >= config.patience()) {
                    stoppedEarly = true;
                    epoch++;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a checkpoint to " + checkpointDir + ": " + e.getMessage(), e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (config.restoreBest() && run.bestParameters != null) {
            System.arraycopy(run.bestParameters, 0, model.parameters(), 0, run.bestParameters.length);
            model.parametersChanged();
        }
        return new TrainingResult(epoch, run.steps, run.bestEpoch, run.bestValidation, run.lastTrainLoss, stoppedEarly,
                (System.nanoTime() - started) / 1e9);
    }

    /** The mean loss over {@code data} (no dropout, zero initial state). */
    public double evaluate(SequenceModel model, List<Sequence> data) {
        boolean perStep = model.config().head().kind() == HeadSpec.Kind.EVERY_STEP;
        double sum = 0;
        double denominator = 0;
        for (int i = 0; i < data.size(); i += config.batchSize()) {
            Batch b = Batch.of(data.subList(i, Math.min(data.size(), i + config.batchSize())), perStep);
            denominator += Backprop.denominator(loss, b, model.config().head().kind(), model.outputSize());
            sum += Backprop.lossOnly(model, loss, b);
        }
        return sum / denominator;
    }

    /**
     * Loss and gradients of one batch, without updating anything: the same computation a training
     * step does (threads, truncated BPTT, dropout from {@code seed}).
     */
    public Gradients gradients(SequenceModel model, Batch batch, ModelState initial, long seed) {
        float[] grads = new float[model.parameters().length];
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads()) : null;
        try {
            Backprop.Result r = shardedBackprop(model, batch, initial, seed, grads, pool);
            return new Gradients(r.weightedLoss(), grads, r.finalState());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** A batch's mean loss, its flat gradient and the state it ended in. */
    public record Gradients(double loss, float[] values, ModelState finalState) {
    }

    private Backprop.Result shardedBackprop(SequenceModel model, Batch batch, ModelState initial, long seed, float[] grads,
                                            ExecutorService pool) {
        double denominator = Backprop.denominator(loss, batch, model.config().head().kind(), model.outputSize());
        int shards = pool == null ? 1 : Math.min(config.threads(), batch.size());
        SplittableRandom base = new SplittableRandom(seed);
        if (shards == 1) {
            Backprop.Result r = Backprop.run(model, loss, batch, initial, config.tbpttForward(), config.tbpttBackward(),
                    denominator, base.split(), grads);
            return new Backprop.Result(r.weightedLoss() / denominator, r.finalState(), r.hiddenNorm());
        }
        List<Future<Backprop.Result>> futures = new ArrayList<>();
        List<float[]> shardGrads = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int from = batch.size() * s / shards;
            int to = batch.size() * (s + 1) / shards;
            float[] g = new float[grads.length];
            shardGrads.add(g);
            SplittableRandom random = base.split();
            Batch part = batch.rows(from, to);
            ModelState partState = initial == null ? null : initial.rows(from, to);
            futures.add(pool.submit(() -> Backprop.run(model, loss, part, partState, config.tbpttForward(),
                    config.tbpttBackward(), denominator, random, g)));
        }
        double lossSum = 0;
        double hidden = 0;
        List<ModelState> states = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            Backprop.Result r = await(futures.get(s));
            lossSum += r.weightedLoss();
            hidden += r.hiddenNorm() / shards;
            states.add(r.finalState());
            float[] g = shardGrads.get(s);
            for (int i = 0; i < grads.length; i++) {
                grads[i] += g[i];
            }
        }
        return new Backprop.Result(lossSum / denominator, ModelState.concat(states), hidden);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Training was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The mutable state of one fit() call. */
    private final class Run {
        final SequenceModel model;
        final Optimizer optimizer;
        final PlateauTracker plateau = new PlateauTracker();
        long steps;
        double bestValidation = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int badEpochs;
        double lastTrainLoss = Double.NaN;
        float[] bestParameters;
        Path lastCheckpoint;

        Run(SequenceModel model, Optimizer optimizer) {
            this.model = model;
            this.optimizer = optimizer;
        }

        void epoch(int epoch, List<Sequence> train, List<Sequence> validation, int batches, ExecutorService pool) {
            long t0 = System.nanoTime();
            SplittableRandom random = new SplittableRandom(mix(config.seed(), epoch));
            int[] order = order(train.size(), random);
            double lr = config.optimizer().lr() * config.schedule().scale(epoch, plateau);
            boolean perStep = model.config().head().kind() == HeadSpec.Kind.EVERY_STEP;
            ModelState carried = null;
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                List<Sequence> items = new ArrayList<>();
                for (int i = b * config.batchSize(); i < Math.min(train.size(), (b + 1) * config.batchSize()); i++) {
                    items.add(train.get(order[i]));
                }
                Batch batch = Batch.of(items, perStep);
                NonFiniteCheck.weights(model, steps + 1, lastCheckpoint);
                float[] grads = new float[model.parameters().length];
                Backprop.Result r = shardedBackprop(model, batch, carried, random.nextLong(), grads, pool);
                steps++;
                NonFiniteCheck.loss(r.weightedLoss(), steps, lastCheckpoint);
                NonFiniteCheck.gradients(model, grads, steps, lastCheckpoint);
                double norm = switch (config.clipping()) {
                    case NONE -> GradientClipping.globalNorm(grads);
                    case NORM -> GradientClipping.clipGlobalNorm(grads, config.clipThreshold());
                    case VALUE -> GradientClipping.clipValue(grads, config.clipThreshold());
                };
                optimizer.step(model.parameters(), grads, lr);
                model.parametersChanged();
                carried = config.stateful() ? r.finalState() : null;
                lossSum += r.weightedLoss();
                var metrics = new TrainingListener.BatchMetrics(epoch, b, batches, steps, r.weightedLoss(), norm, lr, r.hiddenNorm());
                for (TrainingListener l : listeners) {
                    l.onBatchEnd(metrics);
                }
            }
            lastTrainLoss = lossSum / batches;
            double val = validation.isEmpty() ? Double.NaN : evaluate(model, validation);
            boolean best = false;
            if (!validation.isEmpty()) {
                plateau.observe(val, config.schedule());
                if (val < bestValidation) {
                    bestValidation = val;
                    bestEpoch = epoch;
                    badEpochs = 0;
                    best = true;
                    if (config.restoreBest()) {
                        bestParameters = model.parameters().clone();
                    }
                } else {
                    badEpochs++;
                }
            }
            var metrics = new TrainingListener.EpochMetrics(epoch, lastTrainLoss, val, lr, (System.nanoTime() - t0) / 1e9, best);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(metrics);
            }
        }

        int[] order(int n, SplittableRandom random) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (!config.stateful()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
            }
            return order;
        }

        Checkpoint checkpoint(int epochsDone) {
            Optimizer.State s = optimizer.state();
            return new Checkpoint(epochsDone, steps, s.steps(), plateau.state(), bestValidation, bestEpoch, badEpochs,
                    lastTrainLoss, model.parameters().clone(), s.buffers(), bestParameters);
        }

        int restore(Checkpoint c) {
            if (c.parameters().length != model.parameters().length) {
                throw new IllegalArgumentException("Checkpoint has " + c.parameters().length + " parameters, the model "
                        + model.parameters().length + "; it belongs to a different model.");
            }
            System.arraycopy(c.parameters(), 0, model.parameters(), 0, c.parameters().length);
            model.parametersChanged();
            optimizer.restore(c.optimizerState());
            plateau.restore(c.plateau());
            steps = c.steps();
            bestValidation = c.bestValidation();
            bestEpoch = c.bestEpoch();
            badEpochs = c.badEpochs();
            lastTrainLoss = c.lastTrainLoss();
            bestParameters = c.bestParameters() == null ? null : c.bestParameters().clone();
            return c.epochsDone();
        }
    }

    /** A well-spread seed for epoch e of a run seeded with {@code seed} (SplitMix64's finaliser). */
    static long mix(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
