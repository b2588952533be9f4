package dev.rnn4j.quant;

/**
 * The one product an int8 model needs: a per-row-scaled int8 matrix times a float vector,
 * accumulated into a float vector. {@link #scalar()} is the reference; {@link #best()} is the
 * Vector API implementation when this JVM can run it (loaded by name, like the float kernels).
 */
public interface Int8Kernel {

    /**
     * {@code y[yOff + r] += scales[r] * sum_c qT[c * rows + r] * x[xOff + c]} for every row {@code r}:
     * the values column-major, int8 widened to float, float32 accumulation.
     */
    void multiplyAdd(byte[] qT, float[] scales, int rows, int cols, float[] x, int xOff, float[] y, int yOff);

    /** A short name for reports: {@code scalar} or {@code vector (N-bit)}. */
    String name();

    static Int8Kernel scalar() {
        return ScalarInt8Kernel.INSTANCE;
    }

    /** The vector kernel if the JVM runs the Vector API, else the scalar one. */
    static Int8Kernel best() {
        return vector().orElse(scalar());
    }

    /** The vector kernel, or empty when {@code jdk.incubator.vector} is absent. */
    static java.util.Optional<Int8Kernel> vector() {
        try {
            Class<?> c = Class.forName("dev.rnn4j.quant.VectorInt8Kernel");
            return java.util.Optional.of((Int8Kernel) c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }
}
