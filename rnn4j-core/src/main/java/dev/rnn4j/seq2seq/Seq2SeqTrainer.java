package dev.rnn4j.seq2seq;

import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.optim.OptimizerConfig;
import dev.rnn4j.train.GradientClipping;
import dev.rnn4j.train.NonFiniteValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains an {@link EncoderDecoder}: shuffled mini-batches, decoder inputs from
 * {@link ScheduledFeeding} (the truth under teacher forcing), one whole-sequence forward and
 * backward, global-norm clipping over all parameters, Adam with a per-epoch learning-rate schedule. After each epoch, greedy exact match
 * on the development pairs (ties broken by the teacher-forced development loss); training stops
 * after {@code patience} epochs without improvement and the best epoch's parameters are restored.
 */
public final class Seq2SeqTrainer {

    /** One epoch's outcome; {@code teacherForcing}: the probability at the epoch's last step. */
    public record EpochReport(int epoch, double trainLoss, double devLoss, double devExactMatch, double teacherForcing, double seconds,
                              boolean improved) {
    }

    public record Result(List<EpochReport> history, int bestEpoch, double bestDevExactMatch) {
    }

    /** Progress callbacks; both optional. */
    public interface Listener {
        default void onStep(long step, double loss) {
        }

        default void onEpoch(EpochReport report) {
        }
    }

    private Seq2SeqTrainer() {
    }

    public static Result train(EncoderDecoder model, List<SymbolPair> train, List<SymbolPair> dev, Seq2SeqTrainingConfig c,
                               Listener listener) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("Training needs at least one pair, got none.");
        }
        float[][] params = model.parameterGroups();
        Optimizer[] optimizers = new Optimizer[params.length];
        OptimizerConfig adam = OptimizerConfig.adam(c.learningRate());
        for (int i = 0; i < params.length; i++) {
            optimizers[i] = adam.create(params[i].length);
        }
        Seq2SeqGradients g = model.newGradients();
        SplittableRandom shuffle = new SplittableRandom(c.seed());
        SplittableRandom coins = shuffle.split();
        List<SymbolPair> order = new ArrayList<>(train);
        List<EpochReport> history = new ArrayList<>();
        float[][] best = copy(params);
        double bestScore = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        long step = 0;
        for (int epoch = 1; epoch <= c.epochs(); epoch++) {
            long t0 = System.nanoTime();
            shuffle(order, shuffle);
            double lossSum = 0;
            int batches = 0;
            double p = 1;
            double lr = c.learningRate(epoch - 1);
            for (int from = 0; from < order.size(); from += c.batchSize()) {
                List<SymbolPair> batch = order.subList(from, Math.min(order.size(), from + c.batchSize()));
                int[][] sources = batch.stream().map(SymbolPair::source).toArray(int[][]::new);
                int[][] targets = batch.stream().map(SymbolPair::target).toArray(int[][]::new);
                p = c.teacherForcingProbability(step);
                int[][] inputs = ScheduledFeeding.inputs(model, sources, targets, p, c.choice(), coins);
                g.zero();
                double loss = model.backward(model.forward(sources, inputs), targets, g);
                requireFinite(model, loss, g.groups(), step + 1);
                clip(g.groups(), c.clipNorm());
                for (int i = 0; i < params.length; i++) {
                    optimizers[i].step(params[i], g.groups()[i], lr);
                }
                step++;
                lossSum += loss;
                batches++;
                listener.onStep(step, loss);
            }
            double score = dev.isEmpty() ? Double.NaN : Seq2SeqEvaluation.exactMatch(model, dev, c.batchSize());
            double devLoss = dev.isEmpty() ? Double.NaN : Seq2SeqEvaluation.teacherForcedLoss(model, dev, c.batchSize());
            // Ties in exact match (common once it reaches 100 %) go to the lower development loss.
            boolean improved = dev.isEmpty() || score > bestScore || (score == bestScore && devLoss < bestLoss);
            if (improved) {
                bestScore = score;
                bestLoss = devLoss;
                bestEpoch = epoch;
                best = copy(params);
            }
            EpochReport r = new EpochReport(epoch, lossSum / batches, devLoss, score, p, (System.nanoTime() - t0) / 1e9, improved);
            history.add(r);
            listener.onEpoch(r);
            if (!dev.isEmpty() && epoch - bestEpoch >= c.patience()) {
                break;
            }
        }
        for (int i = 0; i < params.length; i++) {
            System.arraycopy(best[i], 0, params[i], 0, params[i].length);
        }
        return new Result(history, bestEpoch, bestScore);
    }

    /** The NaN/Inf detector: stops at the first non-finite loss or gradient, naming the parameter. */
    private static void requireFinite(EncoderDecoder model, double loss, float[][] grads, long step) {
        if (!Double.isFinite(loss)) {
            throw NonFiniteValueException.at("the loss", step, null, -1, (float) loss);
        }
        for (int group = 0; group < grads.length; group++) {
            float[] g = grads[group];
            for (int i = 0; i < g.length; i++) {
                if (!Float.isFinite(g[i])) {
                    EncoderDecoder.ParameterElement p = model.parameterAt(group, i);
                    throw NonFiniteValueException.at("the gradient", step, p.name(), p.element(), g[i]);
                }
            }
        }
    }

    /** Global-norm clipping across all groups, as one flat vector (torch.nn.utils.clip_grad_norm_). */
    private static void clip(float[][] groups, double maxNorm) {
        if (maxNorm <= 0) {
            return;
        }
        double sq = 0;
        for (float[] g : groups) {
            double n = GradientClipping.globalNorm(g);
            sq += n * n;
        }
        double coef = maxNorm / (Math.sqrt(sq) + 1e-6);
        if (coef < 1) {
            for (float[] g : groups) {
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (g[i] * coef);
                }
            }
        }
    }

    private static float[][] copy(float[][] groups) {
        float[][] out = new float[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            out[i] = groups[i].clone();
        }
        return out;
    }

    private static void shuffle(List<SymbolPair> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            SymbolPair tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
