package dev.rnn4j.text.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.text.vocab.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedVectorsTest {

    private static PretrainedVectors read(String text) throws IOException {
        return PretrainedVectors.read(new BufferedReader(new StringReader(text)), "v.txt", w -> true);
    }

    @Test
    void readsGloveWithoutHeader() throws IOException {
        PretrainedVectors v = read("the 0.1 -0.2 0.3\ncat 1 2 3\n");
        assertThat(v.dimension()).isEqualTo(3);
        assertThat(v.get("cat")).containsExactly(1f, 2f, 3f);
        assertThat(v.get("the")).containsExactly(0.1f, -0.2f, 0.3f);
    }

    @Test
    void readsWord2vecWithHeaderAndWordsWithSpaces() throws IOException {
        PretrainedVectors v = read("2 2\nnew york 0.5 0.25 \nparis 1e-1 2\n");
        assertThat(v.dimension()).isEqualTo(2);
        assertThat(v.get("new york")).containsExactly(0.5f, 0.25f);
        assertThat(v.get("paris")).containsExactly(0.1f, 2f);
    }

    @Test
    void keepsOnlyTheWordsAsked() throws IOException {
        PretrainedVectors v = PretrainedVectors.read(new BufferedReader(new StringReader("a 1\nb 2\n")), "v.txt", "b"::equals);
        assertThat(v.words()).containsExactly("b");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> read("a 1 2\nb 1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("v.txt:2: expected a word and 2 numbers, got 1 fields after the first.");
        assertThatThrownBy(() -> read("a 1 2\nb 1 x2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("v.txt:2: expected a number in field 3, got 'x2'.");
        assertThatThrownBy(() -> read("a 1 NaN\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("v.txt:1: expected a finite number in field 3, got 'NaN'.");
        assertThatThrownBy(() -> read("lonely\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("v.txt:1: expected a word followed by its vector, got only 'lonely'.");
    }

    @Test
    void anEmptyFileIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("empty.vec");
        Files.writeString(f, "");
        assertThatThrownBy(() -> PretrainedVectors.read(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": expected word vectors, but the file is empty.");
    }

    @Test
    void copiesVectorsIntoEmbeddingRowsFallingBackToLowerCase() throws IOException {
        PretrainedVectors v = read("paris 1 2\nthe 3 4\n");
        Vocabulary vocab = new Vocabulary(List.of("<unk>", "The", "Paris", "zzz"), "<unk>");
        Embedding e = new Embedding(4, 2);
        float[] w = {9, 9, 9, 9, 9, 9, 9, 9};
        assertThat(v.copyInto(e, w, 0, vocab)).isEqualTo(2);
        assertThat(w).containsExactly(9, 9, 3, 4, 1, 2, 9, 9);
        assertThatThrownBy(() -> v.copyInto(new Embedding(4, 3), new float[12], 0, vocab))
                .hasMessage("The embedding has dimension 3 but the pretrained vectors have 2; make them equal.");
    }
}
