package dev.rnn4j.nn;

/**
 * The order in which one direction of a layer visits timesteps, and where its states live.
 *
 * <p>States are kept in T+1 slots of B*H floats. The forward direction keeps h0 in slot 0 and the
 * state after time t in slot t+1; the reverse direction keeps h0 in slot T and the state after
 * time t in slot t. Either way the states that precede times 0..T-1 are T consecutive slots, so the
 * recurrent weight gradient is one product over all timesteps.
 */
enum TimeDirection {
    FORWARD {
        @Override
        int timeAt(int step, int time) {
            return step;
        }

        @Override
        int prevSlot(int t) {
            return t;
        }

        @Override
        int curSlot(int t) {
            return t + 1;
        }

        @Override
        int initialSlot(int time) {
            return 0;
        }

        @Override
        int finalSlot(int time) {
            return time;
        }
    },
    REVERSE {
        @Override
        int timeAt(int step, int time) {
            return time - 1 - step;
        }

        @Override
        int prevSlot(int t) {
            return t + 1;
        }

        @Override
        int curSlot(int t) {
            return t;
        }

        @Override
        int initialSlot(int time) {
            return time;
        }

        @Override
        int finalSlot(int time) {
            return 0;
        }
    };

    /** The time visited at the given processing step (0-based). */
    abstract int timeAt(int step, int time);

    /** Slot of the state the step at time t starts from. */
    abstract int prevSlot(int t);

    /** Slot of the state the step at time t produces. */
    abstract int curSlot(int t);

    abstract int initialSlot(int time);

    abstract int finalSlot(int time);

    static TimeDirection of(int direction) {
        return direction == 0 ? FORWARD : REVERSE;
    }
}
