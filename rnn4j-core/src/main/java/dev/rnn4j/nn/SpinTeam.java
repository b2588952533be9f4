package dev.rnn4j.nn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A caller and {@code threads - 1} spinning helpers that share computations without allocating
 * anything per computation: one streaming step of a large layer (a microsecond or two), and
 * through {@link WorkerPool} the phases of a whole-sequence pass (milliseconds).
 *
 * <p>Parts are claimed, not assigned: the caller and every helper claim parts of the current run
 * from one atomic word holding the run's number, its part count and the parts claimed so far, so
 * a helper that is parked or descheduled simply claims none and the caller never waits for a
 * thread that has not started, only for parts a running helper has already taken. Because the
 * claim is a compare-and-set of the whole word, a helper that read the word of an earlier run can
 * never claim a part of a later one.
 *
 * <p>Helpers spin between runs for {@link #SPIN_NANOS}, because waking a parked thread costs tens
 * of microseconds on a virtual machine, more than the computations this serves; after that they
 * park, so a stream that steps now and then costs no CPU between steps (and its next step runs
 * alone while the helper wakes up).
 *
 * <p>One run at a time: a caller {@link #tryAcquire() acquires} the team for as long as it needs
 * (several runs, e.g. one per layer of a step) and releases it; a caller that finds it taken does
 * its work alone. Teams are shared per thread count and live as long as the JVM.
 */
final class SpinTeam {

    /** The parts of one computation; the implementation holds its inputs, so posting allocates nothing. */
    interface Parts {
        void runPart(int part);
    }

    /** How long an idle helper spins before parking. */
    static final long SPIN_NANOS = 200_000;
    /** Busy-wait iterations before a waiting caller starts yielding its core (its helper may have lost its own). */
    private static final int YIELD_AFTER_SPINS = 20_000;
    /** Bits of the claim word for the parts claimed so far, and again for the run's part count. */
    private static final int PART_BITS = 12;
    private static final long PART_MASK = (1L << PART_BITS) - 1;
    /** The run number occupies the bits above claimed and count (40 bits: days of back-to-back runs). */
    private static final long RUN_MASK = ~((1L << (2 * PART_BITS)) - 1);

    private static final Map<Integer, SpinTeam> SHARED = new ConcurrentHashMap<>();

    private final Helper[] helpers;
    private final AtomicBoolean taken = new AtomicBoolean();
    /** The claim word: run number (high bits), part count, parts claimed so far (low bits). */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    /** The current run's parts; written before {@link #claims} publishes the run, read after claiming one. */
    private Parts parts;
    private long run;
    private volatile Throwable failure;

    private SpinTeam(int threads) {
        helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper("rnn4j-helper-" + threads + "-" + (i + 1));
            helpers[i].start();
        }
    }

    /** The team of this many threads (the caller included), created on first use. */
    static SpinTeam shared(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("A team needs at least 2 threads, got " + threads + ".");
        }
        return SHARED.computeIfAbsent(threads, SpinTeam::new);
    }

    /** Takes the team for the calling thread; false when another caller holds it. */
    boolean tryAcquire() {
        return taken.compareAndSet(false, true);
    }

    void release() {
        taken.set(false);
    }

    /**
     * Runs {@code parts.runPart(p)} for every p in [0, count) on the caller and whichever helpers
     * are spinning; returns when all are done. The caller must hold the team.
     */
    void run(Parts parts, int count) {
        if (count < 1 || count > PART_MASK) {
            throw new IllegalArgumentException("A run has 1 to " + PART_MASK + " parts, got " + count + ".");
        }
        this.parts = parts;
        long tag = ++run << (2 * PART_BITS);
        done.set(0);
        claims.set(tag | (long) count << PART_BITS);
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h);
            }
        }
        claimAndRun(tag);
        for (int spins = 0; done.get() < count; spins++) {
            if (spins < YIELD_AFTER_SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            // Parts only ever record unchecked failures (see claimAndRun).
            if (f instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) f;
        }
    }

    /** Claims and runs parts of the run tagged {@code tag} until none are left. */
    private void claimAndRun(long tag) {
        while (true) {
            long c = claims.get();
            if ((c & RUN_MASK) != tag) {
                return;
            }
            int part = (int) (c & PART_MASK);
            if (part >= (int) ((c >>> PART_BITS) & PART_MASK)) {
                return;
            }
            if (!claims.compareAndSet(c, c + 1)) {
                continue;
            }
            try {
                parts.runPart(part);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                done.incrementAndGet();
            }
        }
    }

    /** A helper: claims parts of every run it sees, spins between runs, then parks. */
    private final class Helper extends Thread {
        private volatile boolean parked;

        Helper(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            long idleSince = System.nanoTime();
            while (true) {
                long tag = claims.get() & RUN_MASK;
                if (tag != seen) {
                    seen = tag;
                    claimAndRun(tag);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    // Announce before the final check, so a poster either sees parked or we see its run.
                    parked = true;
                    if ((claims.get() & RUN_MASK) == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
