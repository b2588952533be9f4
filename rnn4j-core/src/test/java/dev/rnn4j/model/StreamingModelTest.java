package dev.rnn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole model served step by step, many streams at once, or in chunks, gives its whole-sequence outputs. */
class StreamingModelTest {

    private static final ModelConfig[] EVERY_STEP = {
        ModelConfig.builder().inputs(3).lstm(8).lstm(6).denseOnEveryStep(2).seed(1).build(),
        ModelConfig.builder().inputs(4).gru(6).gru(6).gru(5).residual().layerNorm().denseOnEveryStep(3).seed(2).build(),
    };
    private static final ModelConfig LAST_STEP = ModelConfig.builder().inputs(2).rnn(7).gru(5).denseOnLastStep(4).seed(3).build();

    static Tensor random(long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(-1.5, 1.5);
        }
        return t;
    }

    private static float[] row(Tensor x, int b, int t) {
        int f = x.dim(2);
        float[] r = new float[f];
        System.arraycopy(x.data(), (b * x.dim(1) + t) * f, r, 0, f);
        return r;
    }

    @Test
    void stepByStepOutputsEqualTheWholeSequenceOutputs() {
        int time = 20;
        for (ModelConfig config : EVERY_STEP) {
            SequenceModel m = SequenceModel.create(config);
            Tensor x = random(5, 1, time, config.inputSize());
            Tensor expected = m.predict(x, null);
            StreamingModel live = StreamingModel.of(m, 0);
            ModelStream s = live.newStream();
            float[] y = new float[live.outputSize()];
            for (int t = 0; t < time; t++) {
                live.step(row(x, 0, t), s, y);
                for (int o = 0; o < y.length; o++) {
                    assertThat(y[o]).as("%s t=%d o=%d", config.layers(), t, o).isCloseTo(expected.get(0, t, o), within(1e-5f));
                }
            }
        }
        // a last-step head: after step t, the prediction for the sequence cut at t
        SequenceModel m = SequenceModel.create(LAST_STEP);
        Tensor x = random(6, 1, time, 2);
        StreamingModel live = StreamingModel.of(m, 0);
        ModelStream s = live.newStream();
        float[] y = new float[4];
        for (int t = 0; t < time; t++) {
            live.step(row(x, 0, t), s, y);
            if (t == 6 || t == time - 1) {
                Tensor cut = Tensor.of(java.util.Arrays.copyOf(x.data(), (t + 1) * 2), 1, t + 1, 2);
                Tensor expected = m.predict(cut, null);
                for (int o = 0; o < 4; o++) {
                    assertThat(y[o]).as("last step t=%d o=%d", t, o).isCloseTo(expected.get(0, o), within(1e-5f));
                }
            }
        }
    }

    @Test
    void stepsSharedBetweenThreadsEqualStepsOnOneThread() {
        // Hidden 128: large enough for the default split (see RecurrentNetwork.streaming(int)).
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(16).lstm(128).gru(96).layerNorm()
                .denseOnEveryStep(3).seed(4).build());
        StreamingModel alone = StreamingModel.of(m, 0);
        StreamingModel shared = StreamingModel.of(m, 0, 2);
        ModelStream a = alone.newStream();
        ModelStream b = shared.newStream();
        float[] ya = new float[3];
        float[] yb = new float[3];
        Tensor x = random(8, 1, 300, 16);
        for (int t = 0; t < 300; t++) {
            alone.step(row(x, 0, t), a, ya);
            shared.step(row(x, 0, t), b, yb);
            assertThat(yb).as("t=%d", t).containsExactly(ya);
        }
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
    }

    @Test
    void manyStreamsSteppedAtOnceEqualEachSteppedAlone() {
        ModelConfig config = EVERY_STEP[1];
        StreamingModel live = StreamingModel.of(SequenceModel.create(config), 0);
        int streams = 6;
        Tensor x = random(7, streams, 12, config.inputSize());
        ModelStream[] together = new ModelStream[streams];
        ModelStream[] alone = new ModelStream[streams];
        for (int i = 0; i < streams; i++) {
            together[i] = live.newStream();
            alone[i] = live.newStream();
        }
        StreamingModel.Batch batch = live.newBatch(streams);
        int in = config.inputSize();
        int out = live.outputSize();
        float[] xs = new float[streams * in];
        float[] ys = new float[streams * out];
        float[] y = new float[out];
        for (int t = 0; t < 12; t++) {
            for (int i = 0; i < streams; i++) {
                System.arraycopy(row(x, i, t), 0, xs, i * in, in);
            }
            live.step(xs, together, streams, ys, batch);
            for (int i = 0; i < streams; i++) {
                live.step(row(x, i, t), alone[i], y);
                for (int o = 0; o < out; o++) {
                    assertThat(ys[i * out + o]).as("t=%d stream %d o=%d", t, i, o).isCloseTo(y[o], within(1e-5f));
                }
            }
        }
        assertThat(together[0].steps()).isEqualTo(12);
    }

    @Test
    void oneModelServesStreamsOnManyThreadsAtOnce() throws Exception {
        StreamingModel live = StreamingModel.of(SequenceModel.create(EVERY_STEP[1]), 0);
        int threads = 4;
        int steps = 400;
        Tensor x = random(11, threads, steps, 4);
        float[][] alone = new float[threads][];
        for (int i = 0; i < threads; i++) {
            alone[i] = run(live, x, i, steps);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<float[]>> together = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int stream = i;
                together.add(pool.submit(() -> run(live, x, stream, steps)));
            }
            for (int i = 0; i < threads; i++) {
                assertThat(together.get(i).get()).as("stream %d stepped beside three others", i).containsExactly(alone[i]);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every output of stream {@code row} of {@code x}, stepped through {@code live}. */
    private static float[] run(StreamingModel live, Tensor x, int row, int steps) {
        ModelStream s = live.newStream();
        int out = live.outputSize();
        float[] all = new float[steps * out];
        float[] y = new float[out];
        for (int t = 0; t < steps; t++) {
            live.step(row(x, row, t), s, y);
            System.arraycopy(y, 0, all, t * out, out);
        }
        return all;
    }

    @Test
    void chunkedScoringEqualsOnePassOverTheWholeSequence() {
        for (ModelConfig config : new ModelConfig[] {EVERY_STEP[0], EVERY_STEP[1], LAST_STEP}) {
            SequenceModel m = SequenceModel.create(config);
            Tensor x = random(8, 3, 30, config.inputSize());
            float[] whole = m.predict(x, null).data();
            float[] chunked = ChunkedScoring.predict(m, x, 7, LengthGuard.none()).data();
            assertThat(chunked).hasSameSizeAs(whole);
            for (int i = 0; i < whole.length; i++) {
                assertThat(chunked[i]).as("%s [%d]", config.layers(), i).isCloseTo(whole[i], within(1e-5f));
            }
        }
    }

    @Test
    void aCheckpointRoundTripsBitForBit() {
        StreamingModel live = StreamingModel.of(SequenceModel.create(EVERY_STEP[0]), 0);
        Tensor x = random(9, 1, 10, 3);
        ModelStream s = live.newStream();
        float[] y = new float[2];
        for (int t = 0; t < 5; t++) {
            live.step(row(x, 0, t), s, y);
        }
        byte[] checkpoint = s.toBytes();
        ModelStream restored = live.newStream();
        restored.loadBytes(checkpoint);
        assertThat(restored.toBytes()).containsExactly(checkpoint);
        assertThat(restored.steps()).isEqualTo(5);
        float[] a = new float[2];
        float[] b = new float[2];
        for (int t = 5; t < 10; t++) {
            live.step(row(x, 0, t), s, a);
            live.step(row(x, 0, t), restored, b);
            assertThat(b).containsExactly(a);
        }
        assertThatThrownBy(() -> restored.loadBytes(new byte[3])).hasMessageContaining("bytes, got 3");
    }

    @Test
    void inputLongerThanTheTrainedLengthWarnsOncePerModel() {
        SequenceModel m = SequenceModel.create(EVERY_STEP[0]);
        StreamingModel live = StreamingModel.of(m, 8);
        float[] x = new float[3];
        float[] y = new float[2];
        ModelStream a = live.newStream();
        ModelStream b = live.newStream();
        for (int t = 0; t < 8; t++) {
            live.step(x, a, y);
        }
        assertThat(live.lengthGuard().warnings()).as("8 steps are within the trained length").isZero();
        for (int t = 0; t < 1000; t++) {
            live.step(x, a, y);
            live.step(x, b, y);
        }
        StreamingModel.Batch batch = live.newBatch(2);
        live.step(new float[6], new ModelStream[] {a, b}, 2, new float[4], batch);
        assertThat(live.lengthGuard().warnings()).as("warnings after 2000 steps past the trained length, two streams").isEqualTo(1);
        assertThat(StreamingModel.of(m, 8).lengthGuard().warnings()).as("another model has its own guard").isZero();

        LengthGuard guard = new LengthGuard(10, "batch job");
        ChunkedScoring.predict(m, random(1, 1, 10, 3), 4, guard);
        assertThat(guard.warnings()).isZero();
        ChunkedScoring.predict(m, random(1, 1, 11, 3), 4, guard);
        ChunkedScoring.predict(m, random(1, 2, 40, 3), 4, guard);
        assertThat(guard.warnings()).isEqualTo(1);
    }

    @Test
    void aWidthMismatchNamesExpectedAndActual() {
        StreamingModel live = StreamingModel.of(SequenceModel.create(EVERY_STEP[0]), 0);
        assertThatThrownBy(() -> live.step(new float[5], live.newStream(), new float[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input has 5 features per step, but the model expects 3 (its inputSize).");
        assertThatThrownBy(() -> ChunkedScoring.predict(SequenceModel.create(EVERY_STEP[0]), Tensor.zeros(1, 4, 5), 2, LengthGuard.none()))
                .hasMessageContaining("[batch, time, 3]").hasMessageContaining("[1, 4, 5]");
    }

    @Test
    void modelsThatReadTheFutureAreRefusedWithTheReason() {
        SequenceModel bidi = SequenceModel.create(ModelConfig.builder().inputs(2).gru(3).bidirectional().denseOnLastStep(2).build());
        assertThatThrownBy(() -> StreamingModel.of(bidi, 0)).hasMessageContaining("Layer 0 is bidirectional");
        assertThatThrownBy(() -> ChunkedScoring.predict(bidi, Tensor.zeros(1, 4, 2), 2, LengthGuard.none()))
                .hasMessageContaining("Layer 0 is bidirectional");
        SequenceModel all = SequenceModel.create(ModelConfig.builder().inputs(2).gru(3).denseOnAllSteps(5, 2).build());
        assertThatThrownBy(() -> StreamingModel.of(all, 0)).hasMessageContaining("reads all 5 steps at once");
    }

    @Test
    void aLoadedFileStreamsInItsOwnPrecisionWithItsTrainedLength(@TempDir Path dir) throws IOException {
        SequenceModel m = SequenceModel.create(ModelConfig.builder().inputs(3).lstm(16).denseOnEveryStep(2).build());
        ObjectNode card = ModelFiles.json().createObjectNode().put("max_trained_length", 12);
        ModelFiles.save(m, dir.resolve("f32"), card);
        QuantizedModelFiles.save(m, dir.resolve("i8.zip"), card);
        StreamingModel f32 = StreamingModel.load(dir.resolve("f32"));
        StreamingModel i8 = StreamingModel.load(dir.resolve("i8.zip"));
        assertThat(f32.precision()).isEqualTo("float32");
        assertThat(i8.precision()).startsWith("int8");
        assertThat(f32.lengthGuard().maxTrainedLength()).isEqualTo(12);
        assertThat(i8.lengthGuard().maxTrainedLength()).isEqualTo(12);
        // the int8 stream computes what the float32 stream of the int8 x scale weights computes
        StreamingModel dequantized = StreamingModel.of(QuantizedModelFiles.dequantized(m), 0);
        Tensor x = random(3, 1, 12, 3);
        ModelStream a = i8.newStream();
        ModelStream b = dequantized.newStream();
        float[] ya = new float[2];
        float[] yb = new float[2];
        for (int t = 0; t < 12; t++) {
            i8.step(row(x, 0, t), a, ya);
            dequantized.step(row(x, 0, t), b, yb);
            assertThat(ya[0]).isCloseTo(yb[0], within(2e-5f));
            assertThat(ya[1]).isCloseTo(yb[1], within(2e-5f));
        }
    }
}
