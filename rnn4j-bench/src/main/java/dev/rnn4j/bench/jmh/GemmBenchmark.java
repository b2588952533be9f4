package dev.rnn4j.bench.jmh;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.kernel.PackedMatrix;
import dev.rnn4j.kernel.Transpose;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matrix kernel on recurrent shapes and odd sizes, single-threaded, through the public
 * {@link Kernels} interface. A shape is {@code MxNxK} plus a suffix: {@code p} = right operand
 * pre-packed (the per-timestep product), {@code nt} = B transposed (input projection, W_ih as
 * stored), {@code tn} = A transposed (weight gradient), none = both as stored.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {

    @Param({"1024x1024x1024", "64x512x128p", "6400x512x32nt", "512x128x6400tn", "64x128x512p", "129x65x257", "7x33x17"})
    public String shape;

    private Kernels kernels;
    private int m;
    private int n;
    private int k;
    private Transpose ta;
    private Transpose tb;
    private float[] a;
    private float[] b;
    private float[] c;
    private PackedMatrix packed;

    /** FLOP of one product of this shape. */
    public static double flop(String shape) {
        int[] d = dims(shape);
        return 2.0 * d[0] * d[1] * d[2];
    }

    static int[] dims(String shape) {
        String[] p = shape.replaceAll("[a-z]+$", "").split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    @Setup
    public void setup() {
        kernels = KernelProvider.get();
        int[] d = dims(shape);
        m = d[0];
        n = d[1];
        k = d[2];
        ta = shape.endsWith("tn") ? Transpose.YES : Transpose.NO;
        tb = shape.endsWith("nt") ? Transpose.YES : Transpose.NO;
        SplittableRandom r = new SplittableRandom(1);
        a = random(r, m * k);
        b = random(r, k * n);
        c = new float[m * n];
        if (shape.endsWith("p")) {
            packed = kernels.pack(Transpose.NO, k, n, b, 0, n);
        }
    }

    private static float[] random(SplittableRandom r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextDouble(-1, 1);
        }
        return v;
    }

    @Benchmark
    public float gemm() {
        if (packed != null) {
            kernels.gemmPacked(m, a, 0, k, packed, 0f, c, 0, n);
        } else {
            int lda = ta == Transpose.NO ? k : m;
            int ldb = tb == Transpose.NO ? n : k;
            kernels.gemm(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
        }
        return c[c.length - 1];
    }
}
