package dev.rnn4j.cli;

import static dev.rnn4j.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rnn4j.data.Batch;
import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model trained with {@code rnn4j classify train} and saved loads into PyTorch with
 * {@code load_state_dict(strict=True)} (tools/pytorch/check_rnn4j_model.py, which scales the raw
 * input with the card's scaler) and gives rnn4j's logits within 1e-5. Runs where /usr/bin/python3
 * can import torch (.ci/run installs Debian's python3-torch); the PyTorch-to-rnn4j direction is
 * PyTorchModelsInteropTest in rnn4j-core.
 */
class PyTorchRoundTripTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    /** 3 channels on different scales, lengths 4..12, three classes; a test split of 30 instances. */
    private Path csv() throws IOException {
        SplittableRandom r = new SplittableRandom(12);
        StringBuilder sb = new StringBuilder("instance,split,label,t,d1,d2,d3\n");
        for (int i = 0; i < 120; i++) {
            int cls = i % 3;
            for (int t = 0; t < 4 + i % 9; t++) {
                sb.append(String.format(Locale.ROOT, "i%d,%s,c%d,%d,%.5f,%.5f,%.5f%n", i, i < 90 ? "train" : "test", cls, t,
                        100 + 10 * r.nextGaussian() + 5 * cls, r.nextGaussian() * 0.01, Math.cos(t * (cls + 1)) + r.nextGaussian()));
            }
        }
        Path f = dir.resolve("rt.csv");
        Files.writeString(f, sb);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"--cell gru --hidden 8", "--cell lstm --hidden 6 --layers 2 --bidirectional --layer-norm"})
    void aCliTrainedModelGivesTheSameLogitsInPyTorch(String options) throws Exception {
        assumeTrue(torchAvailable(), "python3 with torch is not installed");
        assertThat(roundTrip(csv(), options)).contains("(30, 3) outputs");
    }

    /** The real thing: JapaneseVowels (12 channels, 9 speakers), when -Drnn4j.data.dir names the data sets. */
    @org.junit.jupiter.api.Test
    void aModelTrainedOnJapaneseVowelsGivesTheSameLogitsInPyTorch() throws Exception {
        assumeTrue(torchAvailable(), "python3 with torch is not installed");
        String dataDir = System.getProperty("rnn4j.data.dir", "").trim();
        assumeTrue(!dataDir.isEmpty(), "no -Drnn4j.data.dir given");
        Path data = Path.of(dataDir, "uea_classification", "JapaneseVowels.csv");
        assumeTrue(Files.isRegularFile(data), data + " is absent");
        assertThat(roundTrip(data, "--cell lstm --hidden 16")).contains("(370, 9) outputs");
    }

    /** Trains with {@code options}, writes rnn4j's test-split logits and has PyTorch check them; returns its report. */
    private String roundTrip(Path data, String options) throws Exception {
        Path model = dir.resolve("model");
        List<String> args = new java.util.ArrayList<>(List.of("classify", "train", "--data", data.toString(), "--model",
                model.toString(), "--epochs", "3", "--seed", "5"));
        args.addAll(List.of(options.split(" ")));
        MainTest.Result train = run(args.toArray(String[]::new));
        assertThat(train.code()).as(train.err()).isZero();

        // rnn4j's logits for the raw test instances, by the path classify eval takes
        Classifier classifier = Classifier.load(model);
        List<LabeledInstance> test = ClassifyData.split(ClassifyData.read(data, "long", true), "test");
        List<Sequence> seqs = ClassifyData.encode(test, classifier.meta(), data, true);
        Batch batch = Batch.of(seqs, false);
        Tensor logits = classifier.model().predict(batch.x(), batch.lengths());
        Map<String, Tensor> io = new LinkedHashMap<>();
        io.put("x", rawPadded(test, batch.time()));
        float[] lengths = new float[test.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = test.get(i).length();
        }
        io.put("lengths", Tensor.of(lengths, lengths.length));
        io.put("y", logits);
        Path ioFile = dir.resolve("io.safetensors");
        SafeTensors.write(ioFile, io);

        Path tools = Path.of(System.getProperty("rnn4j.root.dir", "..")).resolve("tools/pytorch");
        Process p = new ProcessBuilder(PYTHON, tools.resolve("check_rnn4j_model.py").toString(), model.toString(), ioFile.toString())
                .directory(tools.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.print(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(" ok");
        return out;
    }

    /** The unscaled features, [batch, time, channels], zero after each instance's length. */
    private static Tensor rawPadded(List<LabeledInstance> instances, int time) {
        int k = instances.get(0).features();
        Tensor x = Tensor.zeros(instances.size(), time, k);
        for (int b = 0; b < instances.size(); b++) {
            float[] v = instances.get(b).values();
            System.arraycopy(v, 0, x.data(), b * time * k, v.length);
        }
        return x;
    }

    private static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder(List.of(PYTHON, "-c", "import torch")).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
