package dev.rnn4j.model;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference guard rail for sequence length: a model has seen sequences of at most its
 * maximum trained length, and beyond it its behaviour is untested (states can drift or saturate).
 * Input longer than that logs one warning per model, the first time it happens, whatever the number
 * of steps, calls or threads; it does not stop inference. Thread-safe; one per loaded model.
 */
public final class LengthGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LengthGuard.class);

    private final int maxTrainedLength;
    private final String model;
    private final AtomicInteger warnings = new AtomicInteger();

    /**
     * @param maxTrainedLength the longest sequence the model was trained on; 0 when unknown (no check)
     * @param model            how the warning names the model (e.g. its path)
     */
    public LengthGuard(int maxTrainedLength, String model) {
        if (maxTrainedLength < 0) {
            throw new IllegalArgumentException("maxTrainedLength must be >= 0 (0: unknown), got " + maxTrainedLength + ".");
        }
        this.maxTrainedLength = maxTrainedLength;
        this.model = model;
    }

    /** A guard that never warns, for a model whose trained length is unknown. */
    public static LengthGuard none() {
        return new LengthGuard(0, "");
    }

    public int maxTrainedLength() {
        return maxTrainedLength;
    }

    /** Notes that input of {@code length} steps (so far) reached the model; warns the first time it exceeds the trained length. */
    public void check(long length) {
        if (maxTrainedLength > 0 && length > maxTrainedLength && warnings.get() == 0 && warnings.compareAndSet(0, 1)) {
            LOG.warn("{}: input of {} steps is longer than the longest sequence the model was trained on ({} steps); outputs beyond "
                    + "that are extrapolation. This warning is shown once per model.", model, length, maxTrainedLength);
        }
    }

    /** How many warnings this guard has logged: 0 or 1. */
    public int warnings() {
        return warnings.get();
    }
}
