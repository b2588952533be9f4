package dev.rnn4j.nn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed, small pool for splitting one computation into parts: the caller and
 * {@code threads - 1} daemon workers take parts from a shared counter until none are left, so a
 * worker that the operating system has not scheduled yet simply ends up with fewer parts (the
 * caller never waits for a thread that has not started, only for parts already taken).
 *
 * <p>Workers spin briefly after each computation before parking, because a park/unpark round trip
 * costs tens of microseconds on a virtual machine; a spinning worker picks up the next computation
 * in well under one.
 *
 * <p>One computation at a time: a caller that finds the pool busy (another thread's computation,
 * or a part that itself asks for parallelism) runs all parts itself, in order. Results are then the
 * same, only slower. Pools are shared per thread count and live as long as the JVM.
 */
final class WorkerPool {

    /** One part of a computation; parts write disjoint outputs. */
    interface Task {
        void run(int part);
    }

    /** How long an idle worker spins before parking. */
    private static final long SPIN_NANOS = 200_000;
    /** Busy-wait iterations (tens of microseconds) before a waiting caller starts yielding its core. */
    private static final int YIELD_AFTER_SPINS = 20_000;

    private static final Map<Integer, WorkerPool> SHARED = new ConcurrentHashMap<>();

    private final Worker[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    /** The computation being run, read by spinning workers. */
    private volatile Job current;

    /** A computation: its parts are claimed through {@link #next} and counted in {@link #done}. */
    private static final class Job {
        final Task task;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Task task, int parts) {
            this.task = task;
            this.parts = parts;
        }

        void runParts() {
            int p;
            while ((p = next.getAndIncrement()) < parts) {
                try {
                    task.run(p);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    private WorkerPool(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker("rnn4j-worker-" + threads + "-" + (i + 1));
            workers[i].start();
        }
    }

    /** The pool with this many threads (the caller included), created on first use. */
    static WorkerPool shared(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + ".");
        }
        return SHARED.computeIfAbsent(threads, WorkerPool::new);
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs {@code task.run(p)} for every p in [0, parts), on whichever threads take them; returns when all are done. */
    void run(int parts, Task task) {
        if (parts <= 1 || workers.length == 0 || lock.isHeldByCurrentThread() || !lock.tryLock()) {
            for (int p = 0; p < parts; p++) {
                task.run(p);
            }
            return;
        }
        try {
            Job job = new Job(task, parts);
            current = job;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            job.runParts();
            // Wait for parts other threads took. If that takes long, the thread running one may have
            // lost its core to another process: yield ours rather than spin it away.
            for (int spins = 0; job.done.get() < parts; spins++) {
                if (spins < YIELD_AFTER_SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            current = null;
            Throwable failure = job.failure;
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A worker: takes parts of each new computation it sees, then spins, then parks. */
    private final class Worker extends Thread {
        private volatile boolean parked;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            long idleSince = System.nanoTime();
            while (true) {
                Job job = current;
                if (job != null && job != seen) {
                    seen = job;
                    job.runParts();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    // Announce before the final check, so a poster either sees parked or we see its job.
                    parked = true;
                    Job again = current;
                    if (again == null || again == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
