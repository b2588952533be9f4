package dev.rnn4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFileTest {

    @TempDir
    Path dir;

    static ObjectNode config(int width) {
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("width", width);
        return c;
    }

    static Map<String, Tensor> weights(int width, float value) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        float[] a = new float[2 * width];
        java.util.Arrays.fill(a, value);
        w.put("weight", Tensor.of(a, 2, width));
        w.put("bias", Tensor.of(new float[] {value, value}, 2));
        return w;
    }

    /** The model's rule: a config with "width" w needs weight [2, w] and bias [2]. */
    static final Function<JsonNode, Map<String, int[]>> SHAPES = c -> {
        if (!c.has("width")) {
            throw new IllegalArgumentException("field width is missing");
        }
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("weight", new int[] {2, c.get("width").asInt()});
        m.put("bias", new int[] {2});
        return m;
    };

    @ParameterizedTest
    @ValueSource(strings = {"model", "model.zip"})
    void saveThenLoadRoundTrips(String name) throws IOException {
        Path target = dir.resolve(name);
        ModelFile.save(target, config(3), weights(3, 1.5f));
        ModelFile.save(target, config(4), weights(4, 2.5f)); // replacing an existing model
        ModelFile.Contents c = ModelFile.load(target, SHAPES);
        assertThat(c.config().get("width").asInt()).isEqualTo(4);
        assertThat(c.config().get("format_version").asInt()).isEqualTo(ModelFile.FORMAT_VERSION);
        assertThat(c.weights().get("weight").data()).containsOnly(2.5f).hasSize(8);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary left").containsExactly(name);
        }
    }

    @Test
    void newerFormatIsRefusedNamingTheVersionNeeded() throws IOException {
        Path target = dir.resolve("m");
        ModelFile.save(target, config(3), weights(3, 1));
        ObjectNode c = (ObjectNode) new ObjectMapper().readTree(target.resolve("config.json").toFile());
        c.put("format_version", 7);
        c.put("requires_rnn4j", "9.2.0");
        Files.writeString(target.resolve("config.json"), c.toString());
        assertThatThrownBy(() -> ModelFile.load(target, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("config.json").hasMessageContaining("format_version 7").hasMessageContaining("9.2.0");
    }

    @Test
    void wrongShapeIsRefusedBeforeReadingData() throws IOException {
        Path target = dir.resolve("m");
        ModelFile.save(target, config(3), weights(5, 1));
        assertThatThrownBy(() -> ModelFile.load(target, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("weights.safetensors").hasMessageContaining("'weight'")
                .hasMessageContaining("[2, 5]").hasMessageContaining("expected [2, 3]");
    }

    @Test
    void wrongDtypeIsRefused() throws IOException {
        Path target = dir.resolve("m");
        ModelFile.save(target, config(1), weights(1, 1));
        Path w = target.resolve("weights.safetensors");
        String s = new String(Files.readAllBytes(w), StandardCharsets.ISO_8859_1).replace("\"F32\"", "\"I32\"");
        Files.write(w, s.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ModelFile.load(target, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("weights.safetensors").hasMessageContaining("I32");
    }

    @Test
    void truncatedWeightsAreRefused() throws IOException {
        Path target = dir.resolve("m.zip");
        ModelFile.save(dir.resolve("d"), config(3), weights(3, 1));
        byte[] full = Files.readAllBytes(dir.resolve("d/weights.safetensors"));
        Files.write(dir.resolve("d/weights.safetensors"), java.util.Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("d"), SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("weights.safetensors").hasMessageContaining("outside");
        Files.write(target, new byte[0]);
        assertThatThrownBy(() -> ModelFile.load(target, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("m.zip").hasMessageContaining("empty");
    }

    @Test
    void corruptedFilesAreRefused() throws IOException {
        Path zip = dir.resolve("m.zip");
        Files.write(zip, "this is not a zip".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ModelFile.load(zip, SHAPES)).isInstanceOf(IOException.class).hasMessageContaining("m.zip");
        Path d = dir.resolve("d");
        ModelFile.save(d, config(3), weights(3, 1));
        Files.writeString(d.resolve("config.json"), "{ \"format_version\": ");
        assertThatThrownBy(() -> ModelFile.load(d, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("config.json").hasMessageContaining("not valid JSON");
        Files.writeString(d.resolve("config.json"), "{ \"width\": 3 }");
        assertThatThrownBy(() -> ModelFile.load(d, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("config.json").hasMessageContaining("format_version is missing");
    }

    @Test
    void emptyDirectoryIsRefused() throws IOException {
        Path d = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> ModelFile.load(d, SHAPES)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty").hasMessageContaining("config.json is missing");
    }

    @Test
    void aSaveKilledMidwayLeavesACompleteModel() throws Exception {
        for (String name : new String[] {"killed", "killed.zip"}) {
            Path target = dir.resolve(name);
            ModelFile.save(target, config(64), weights(64, 0));
            for (int attempt = 0; attempt < 3; attempt++) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), target.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                // Wait until the child is saving in a loop, then kill it at an arbitrary moment.
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (generation(target) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(7L * attempt);
                p.destroyForcibly().waitFor();
                ModelFile.Contents c = ModelFile.load(target, SHAPES);
                float generation = c.config().path("generation").floatValue();
                assertThat(generation).as("the child had saved before it was killed").isGreaterThanOrEqualTo(1);
                assertThat(c.weights().get("weight").data()).as("weights match their config").containsOnly(generation);
            }
        }
    }

    private static int generation(Path target) {
        try {
            return ModelFile.load(target, SHAPES).config().path("generation").asInt();
        } catch (IOException e) {
            return 0; // caught between renames: try again
        }
    }

    /** Saves generation after generation of a model until killed. */
    public static final class SaveLoop {
        public static void main(String[] args) throws IOException {
            Path target = Path.of(args[0]);
            for (int g = 1; ; g++) {
                ObjectNode c = config(64);
                c.put("generation", g);
                ModelFile.save(target, c, weights(64, g));
            }
        }
    }
}
