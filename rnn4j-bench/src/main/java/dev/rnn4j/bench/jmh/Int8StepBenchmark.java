package dev.rnn4j.bench.jmh;

import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.StreamState;
import dev.rnn4j.nn.StreamingNetwork;
import dev.rnn4j.quant.Int8Kernel;
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
 * One batch-1 streaming step of an LSTM (I=32), float32 weights against int8 weights (vector and
 * scalar int8 kernels), at the hidden sizes given by {@code hidden}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Int8StepBenchmark {

    @Param({"128"})
    int hidden;

    private StreamingNetwork float32;
    private StreamingNetwork int8;
    private StreamingNetwork int8Scalar;
    private StreamState a;
    private StreamState b;
    private StreamState c;
    private final float[] x = new float[32];
    private float[] out;

    @Setup
    public void setup() {
        RecurrentNetwork net = RecurrentNetwork.create(RecurrentConfig.lstm(32, hidden), 1);
        float32 = net.streaming();
        int8 = net.streamingInt8(Int8Kernel.best());
        int8Scalar = net.streamingInt8(Int8Kernel.scalar());
        a = float32.newState();
        b = int8.newState();
        c = int8Scalar.newState();
        out = new float[hidden];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
    }

    @Benchmark
    public float lstmStepFloat32() {
        float32.step(x, a, out);
        return out[0];
    }

    @Benchmark
    public float lstmStepInt8() {
        int8.step(x, b, out);
        return out[0];
    }

    @Benchmark
    public float lstmStepInt8Scalar() {
        int8Scalar.step(x, c, out);
        return out[0];
    }
}
