package dev.rnn4j.bench.jmh;

import dev.rnn4j.kernel.VectorFmaProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peak probe: one core's vector FMA throughput. One invocation is {@link #ITERATIONS}
 * iterations of {@link VectorFmaProbe#run}; GFLOP/s = ITERATIONS * flopsPerIteration / time.
 *
 * <p>{@link #fmaPeakTwoThreads} runs the same probe on two threads at once, each timing its own
 * invocations: two cores of a virtual machine need not sustain twice one core (shared power and
 * clock budget, or the hypervisor), and a two-thread workload is fairly judged against what two
 * threads of pure FMAs reach, not against twice the single-core figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakBenchmark {

    public static final long ITERATIONS = 1_000_000;

    @Benchmark
    public float fmaPeak() {
        return VectorFmaProbe.run(ITERATIONS, 1f);
    }

    /** Both threads' FLOPs together: 2 * ITERATIONS * flopsPerIteration / time. */
    @Benchmark
    @Threads(2)
    public float fmaPeakTwoThreads() {
        return VectorFmaProbe.run(ITERATIONS, 1f);
    }
}
