package dev.rnn4j.nn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed, small pool for splitting one computation into parts: the caller runs part 0 and
 * {@code threads - 1} daemon workers run the others. Workers spin briefly after each part before
 * parking, because a park/unpark round trip costs tens of microseconds on a virtual machine, more
 * than a whole recurrent step; a spinning worker picks up the next part in well under one.
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

    private static final Map<Integer, WorkerPool> SHARED = new ConcurrentHashMap<>();

    private final Worker[] workers;
    private final ReentrantLock lock = new ReentrantLock();

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

    /**
     * Runs {@code task.run(p)} for every p in [0, parts) and returns when all are done. Thread i
     * (the caller is 0) runs parts i, i + threads, i + 2*threads, ...
     */
    void run(int parts, Task task) {
        int used = Math.min(parts, threads());
        if (used <= 1 || lock.isHeldByCurrentThread() || !lock.tryLock()) {
            for (int p = 0; p < parts; p++) {
                task.run(p);
            }
            return;
        }
        try {
            for (int p = 1; p < used; p++) {
                workers[p - 1].post(task, p, parts, used);
            }
            Throwable failure = null;
            try {
                for (int p = 0; p < parts; p += used) {
                    task.run(p);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int p = 1; p < used; p++) {
                Throwable t = workers[p - 1].awaitDone();
                if (failure == null) {
                    failure = t;
                }
            }
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

    /** A worker: waits for a posted part, runs it, publishes completion through {@link #done}. */
    private static final class Worker extends Thread {
        private volatile int posted;
        private volatile int done;
        private volatile boolean parked;
        // Written by the caller before the volatile write of posted, read by the worker after reading it.
        private Task task;
        private int part;
        private int parts;
        private int stride;
        // Written by the worker before the volatile write of done.
        private Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void post(Task t, int p, int count, int step) {
            task = t;
            part = p;
            parts = count;
            stride = step;
            failure = null;
            posted = posted + 1;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        Throwable awaitDone() {
            int target = posted;
            while (done != target) {
                Thread.onSpinWait();
            }
            return failure;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                long spinStart = System.nanoTime();
                while (posted == seen) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        // Announce before the final check, so a poster either sees parked or we see its post.
                        parked = true;
                        if (posted == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                seen = posted;
                try {
                    for (int p = part; p < parts; p += stride) {
                        task.run(p);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                task = null;
                done = seen;
            }
        }
    }
}
