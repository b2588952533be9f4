package dev.rnn4j.monitor;

/** Told when a layer's drift score crosses the alert threshold (once each time it enters alert). */
@FunctionalInterface
public interface DriftListener {

    /**
     * @param layer        the layer whose hidden-state norms drifted
     * @param score        its population stability index
     * @param observations how many states of that layer the monitor has seen
     */
    void onDrift(int layer, double score, long observations);
}
