package dev.rnn4j.nn;

/**
 * The threads a pass splits its phases over: the caller plus the helpers of the shared
 * {@link SpinTeam} of that size, the same helpers that share a streaming step. Parts are claimed
 * from one atomic word, so a helper the operating system has not scheduled yet simply ends up
 * with fewer parts (the caller never waits for a thread that has not started, only for parts
 * already taken), and nothing is allocated per phase beyond the caller's task.
 *
 * <p>One computation at a time per team: a caller that finds it busy (another thread's
 * computation, a streaming step, or a part that itself asks for parallelism) runs all parts
 * itself, in order. Results are then the same, only slower.
 */
final class WorkerPool {

    private static final WorkerPool SINGLE = new WorkerPool(null, 1);

    /** The helpers, or null for a pool of the caller alone. */
    private final SpinTeam team;
    private final int threads;

    private WorkerPool(SpinTeam team, int threads) {
        this.team = team;
        this.threads = threads;
    }

    /** The pool with this many threads (the caller included). */
    static WorkerPool shared(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + ".");
        }
        return threads == 1 ? SINGLE : new WorkerPool(SpinTeam.shared(threads), threads);
    }

    int threads() {
        return threads;
    }

    /**
     * Runs {@code task.runPart(p)} for every p in [0, parts), on whichever threads take them;
     * returns when all are done. Parts write disjoint outputs.
     */
    void run(int parts, SpinTeam.Parts task) {
        if (parts <= 1 || team == null || !team.tryAcquire()) {
            for (int p = 0; p < parts; p++) {
                task.runPart(p);
            }
            return;
        }
        try {
            team.run(task, parts);
        } finally {
            team.release();
        }
    }
}
