package dev.rnn4j.monitor;

import dev.rnn4j.model.ModelStream;
import dev.rnn4j.model.StreamingModel;

/**
 * Watches the hidden-state norms of a live stream and scores how far their distribution has moved
 * from the one seen at training time, per layer, with the population stability index (PSI):
 * {@code sum over bins of (a - e) * ln(a / e)} where e is the reference share of a decile bin
 * (0.1 each) and a the recent share.
 *
 * <p>Memory is constant: each layer keeps ten exponentially decayed bin counts, so "recent" means
 * roughly the last {@code window} observations. Observing costs no allocation. Conventional PSI
 * readings: below 0.1 stable, 0.1–0.25 moderate shift, above 0.25 a significant shift (the default
 * alert threshold). No alert is raised before {@code window} observations of a layer have been seen.
 *
 * <p>One monitor per stream (or per group of streams fed from one thread): it is not thread-safe.
 */
public final class DriftMonitor {

    /** Share given to an empty bin so the logarithm stays finite. */
    private static final double FLOOR = 1e-4;

    private final NormProfile[] profiles;
    private final double[][] counts;
    private final long[] seen;
    private final double decay;
    private final int window;
    private final double threshold;
    private final DriftListener listener;
    private final boolean[] alerting;

    /**
     * @param profiles  reference profile per layer (from the model card)
     * @param window    effective number of recent observations the score describes
     * @param threshold PSI above which a layer is in alert (0.25 is conventional)
     * @param listener  told when a layer enters alert (once per entry), or null
     */
    public DriftMonitor(NormProfile[] profiles, int window, double threshold, DriftListener listener) {
        if (profiles.length == 0) {
            throw new IllegalArgumentException("A drift monitor needs at least one layer profile, got none.");
        }
        if (window < NormProfile.BINS * 10) {
            throw new IllegalArgumentException("window must be >= " + NormProfile.BINS * 10 + " observations, got " + window + ".");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, got " + threshold + ".");
        }
        this.profiles = profiles.clone();
        this.counts = new double[profiles.length][NormProfile.BINS];
        this.seen = new long[profiles.length];
        this.alerting = new boolean[profiles.length];
        this.window = window;
        this.decay = 1.0 - 1.0 / window;
        this.threshold = threshold;
        this.listener = listener;
    }

    /** A monitor with the conventional threshold 0.25 and a window of 500 observations. */
    public static DriftMonitor of(NormProfile... profiles) {
        return new DriftMonitor(profiles, 500, 0.25, null);
    }

    /** Observes the state {@code h[off .. off+len)} of one layer; returns whether that layer is in alert. */
    public boolean observe(int layer, float[] h, int off, int len) {
        double sq = 0;
        for (int i = off; i < off + len; i++) {
            sq += (double) h[i] * h[i];
        }
        return observeNorm(layer, Math.sqrt(sq));
    }

    /**
     * Observes the state a {@link StreamingModel} stream reached with its last step: each recurrent
     * layer's output norm, as the model card's profile measured it. Returns whether any layer is in
     * alert. No allocation.
     */
    public boolean observe(ModelStream stream) {
        boolean any = false;
        for (int l = 0; l < profiles.length; l++) {
            any |= observeNorm(l, stream.layer(l).hiddenNorm(0));
        }
        return any;
    }

    /** Observes one norm of one layer; returns whether that layer is in alert. */
    public boolean observeNorm(int layer, double norm) {
        double[] c = counts[layer];
        for (int b = 0; b < c.length; b++) {
            c[b] *= decay;
        }
        c[profiles[layer].bin(norm)] += 1;
        seen[layer]++;
        if (seen[layer] < window) {
            return false; // alerting[layer] is still false: no score before a full window
        }
        double psi = score(layer);
        boolean alert = psi > threshold;
        if (alert && !alerting[layer] && listener != null) {
            listener.onDrift(layer, psi, seen[layer]);
        }
        alerting[layer] = alert;
        return alert;
    }

    /** The current PSI of one layer (0 before any observation). */
    public double score(int layer) {
        return psi(counts[layer]);
    }

    /**
     * The PSI of observations falling into the {@value NormProfile#BINS} reference bins with the
     * given (possibly weighted) counts, against the reference's equal shares; 0 for no observations.
     */
    public static double psi(double[] c) {
        if (c.length != NormProfile.BINS) {
            throw new IllegalArgumentException("PSI needs " + NormProfile.BINS + " bin counts, got " + c.length + ".");
        }
        double total = 0;
        for (double v : c) {
            total += v;
        }
        if (total == 0) {
            return 0;
        }
        double expected = 1.0 / NormProfile.BINS;
        double psi = 0;
        for (double v : c) {
            double actual = Math.max(v / total, FLOOR);
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }

    /** Whether the layer was in alert after its last observation. */
    public boolean alerting(int layer) {
        return alerting[layer];
    }

    public int layers() {
        return profiles.length;
    }

    /** Forgets everything observed (the reference profiles stay). */
    public void reset() {
        for (int l = 0; l < counts.length; l++) {
            java.util.Arrays.fill(counts[l], 0);
            seen[l] = 0;
            alerting[l] = false;
        }
    }
}
