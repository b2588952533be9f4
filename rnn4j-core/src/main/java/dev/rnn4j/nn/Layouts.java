package dev.rnn4j.nn;

/**
 * Conversions between the public batch-first layout [B][T][F] and the time-major layout [T][B][F]
 * the time loop works in (each timestep's rows contiguous, so a step is one product).
 */
final class Layouts {

    private Layouts() {
    }

    static float[] toTimeMajor(float[] batchMajor, int batch, int time, int features) {
        return toTimeMajor(batchMajor, batch, time, features, new float[batchMajor.length]);
    }

    /** Writes the time-major copy into {@code out} and returns it. */
    static float[] toTimeMajor(float[] batchMajor, int batch, int time, int features, float[] out) {
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                System.arraycopy(batchMajor, (b * time + t) * features, out, (t * batch + b) * features, features);
            }
        }
        return out;
    }

    static float[] toBatchMajor(float[] timeMajor, int batch, int time, int features) {
        float[] out = new float[timeMajor.length];
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(timeMajor, (t * batch + b) * features, out, (b * time + t) * features, features);
            }
        }
        return out;
    }
}
