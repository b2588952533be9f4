package dev.rnn4j.text.tagger;

import dev.rnn4j.text.data.TaggedSentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The summed loss and gradient of a batch, its sentences split across threads: each thread has its
 * own {@link TaggerNetwork#replica() replica} (the networks keep working buffers) and its own
 * gradient array, and the arrays are added up in thread order, so the result does not depend on
 * which thread finishes first. With one thread everything runs on the caller's thread.
 */
final class ParallelGradient implements AutoCloseable {

    private final TaggerNetwork[] networks;
    private final float[][] gradients;
    private final ExecutorService pool;

    ParallelGradient(TaggerNetwork network, int threads, int parameters) {
        networks = new TaggerNetwork[threads];
        gradients = new float[threads][];
        networks[0] = network;
        for (int t = 1; t < threads; t++) {
            networks[t] = network.replica();
            gradients[t] = new float[parameters];
        }
        pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread thread = new Thread(r, "tagger-gradient");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Adds the gradient of the batch's summed loss to {@code gradient} (thread 0 writes there
     * directly) and returns the loss. {@code dropout} draws thread 0's masks and is split once for
     * each other thread, in order.
     */
    double lossAndGradient(float[] params, List<TaggedSentence> batch, SentenceEncoder encoder, float[] gradient,
                           SplittableRandom dropout) {
        int threads = Math.min(networks.length, batch.size());
        if (threads == 1) {
            return networks[0].lossAndGradient(params, encoder.encode(batch), gradient, dropout);
        }
        List<Future<Double>> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            List<TaggedSentence> part = part(batch, t, threads);
            TaggerNetwork net = networks[t];
            float[] g = gradients[t];
            SplittableRandom random = dropout == null ? null : dropout.split();
            others.add(pool.submit(() -> {
                Arrays.fill(g, 0f);
                return net.lossAndGradient(params, encoder.encode(part), g, random);
            }));
        }
        double loss = networks[0].lossAndGradient(params, encoder.encode(part(batch, 0, threads)), gradient, dropout);
        for (int t = 1; t < threads; t++) {
            try {
                loss += others.get(t - 1).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while computing a gradient.", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            float[] g = gradients[t];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += g[i];
            }
        }
        return loss;
    }

    /** The {@code t}-th of {@code threads} nearly equal contiguous parts of the batch. */
    private static List<TaggedSentence> part(List<TaggedSentence> batch, int t, int threads) {
        return batch.subList(batch.size() * t / threads, batch.size() * (t + 1) / threads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
