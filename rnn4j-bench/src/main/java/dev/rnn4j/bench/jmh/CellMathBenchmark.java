package dev.rnn4j.bench.jmh;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
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
 * The pointwise math of one LSTM time step (gate activations, cell and hidden state) for the rows
 * one thread handles per step: {@code ROWSxHIDDEN}. Reported per step; divide by
 * {@code 5 * rows * hidden / lanes} for the time of one vector activation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CellMathBenchmark {

    @Param({"16x64", "32x128"})
    public String shape;

    private Kernels kernels;
    private int rows;
    private int hidden;
    private float[] preactivations;
    private float[] gates;
    private float[] c;
    private float[] h;

    @Setup
    public void setup() {
        kernels = KernelProvider.get();
        String[] d = shape.split("x");
        rows = Integer.parseInt(d[0]);
        hidden = Integer.parseInt(d[1]);
        SplittableRandom r = new SplittableRandom(3);
        preactivations = new float[rows * 4 * hidden];
        for (int i = 0; i < preactivations.length; i++) {
            preactivations[i] = (float) (r.nextDouble() * 6 - 3);
        }
        gates = preactivations.clone();
        c = new float[2 * rows * hidden];
        h = new float[rows * hidden];
    }

    @Benchmark
    public float lstmStep() {
        // The step activates its gates in place: start each call from the same pre-activations.
        System.arraycopy(preactivations, 0, gates, 0, gates.length);
        kernels.lstmForward(rows, hidden, gates, 0, c, 0, rows * hidden, h, 0);
        return h[0];
    }

    /** The copy alone, to subtract from {@link #lstmStep}. */
    @Benchmark
    public float copyOnly() {
        System.arraycopy(preactivations, 0, gates, 0, gates.length);
        return gates[0];
    }

    @Benchmark
    public float sigmoidAll() {
        System.arraycopy(preactivations, 0, gates, 0, gates.length);
        kernels.sigmoid(gates, 0, gates.length);
        return gates[0];
    }

    @Benchmark
    public float tanhAll() {
        System.arraycopy(preactivations, 0, gates, 0, gates.length);
        kernels.tanh(gates, 0, gates.length);
        return gates[0];
    }
}
