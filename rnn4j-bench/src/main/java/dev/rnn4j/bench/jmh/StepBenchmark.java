package dev.rnn4j.bench.jmh;

import dev.rnn4j.nn.Parameters;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.nn.StreamState;
import dev.rnn4j.nn.StreamingNetwork;
import dev.rnn4j.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cell step as a stream (batch 1: S1 = GRU I8 H32, S2 = LSTM I32 H128) and one training step
 * of config A (LSTM B64 T100 I32 H128: forward, backward, all gradients), single-threaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StepBenchmark {

    private StreamingNetwork s1;
    private StreamingNetwork s2;
    private StreamState s1State;
    private StreamState s2State;
    private final float[] x8 = new float[8];
    private final float[] x32 = new float[32];
    private final float[] out = new float[128];
    private RecurrentNetwork lstm;
    private Tensor x;
    private Tensor dy;
    private Parameters grads;

    @Setup
    public void setup() {
        s1 = RecurrentNetwork.create(RecurrentConfig.gru(8, 32), 1).streaming();
        s2 = RecurrentNetwork.create(RecurrentConfig.lstm(32, 128), 1).streaming();
        s1State = s1.newState();
        s2State = s2.newState();
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x32.length; i++) {
            x32[i] = (float) r.nextGaussian();
            x8[i % 8] = x32[i];
        }
        lstm = RecurrentNetwork.create(RecurrentConfig.lstm(32, 128), 1);
        x = Tensor.zeros(64, 100, 32);
        dy = Tensor.zeros(64, 100, 128);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < dy.data().length; i++) {
            dy.data()[i] = (float) r.nextGaussian() * 1e-3f;
        }
        grads = lstm.newGradients();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float streamStepS1() {
        s1.step(x8, s1State, out);
        return out[0];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float streamStepS2() {
        s2.step(x32, s2State, out);
        return out[0];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float trainStepA() {
        grads.zero();
        RecurrentOutput o = lstm.forward(x);
        lstm.backward(o, dy, null, null, grads);
        return grads.values()[0];
    }
}
