package dev.rnn4j.text.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllReaderTest {

    private static List<TaggedSentence> read(String text) throws IOException {
        return ConllReader.read(new BufferedReader(new StringReader(text)), "t.conll");
    }

    @Test
    void splitsSentencesAtBlankLinesAndKeepsLineNumbers() throws IOException {
        List<TaggedSentence> s = read("Empire\tB-location\nState\tI-location\n\t\n\nI\tO\r\nrun\tO\n");
        assertThat(s).hasSize(2);
        assertThat(s.get(0).tokens()).containsExactly("Empire", "State");
        assertThat(s.get(0).tags()).containsExactly("B-location", "I-location");
        assertThat(s.get(1).tokens()).containsExactly("I", "run");
        assertThat(s.get(1).tags()).containsExactly("O", "O");
        assertThat(s.get(1).where(1)).isEqualTo("t.conll:6");
    }

    @Test
    void takesTheLastColumnAsTheTagAndSkipsDocstart() throws IOException {
        List<TaggedSentence> s = read("-DOCSTART-\t-X-\t-X-\tO\n\nEU\tNNP\tB-NP\tB-ORG\n");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).tags()).containsExactly("B-ORG");
    }

    @Test
    void aLineWithoutATabNamesFileAndLine() {
        assertThatThrownBy(() -> read("a\tO\nb O\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.conll:2: expected 'token<TAB>tag' but the line has no tab: 'b O'.");
    }

    @Test
    void anEmptyFileIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("empty.conll");
        Files.writeString(f, "");
        assertThatThrownBy(() -> ConllReader.read(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": expected at least one tagged sentence, but the file is empty.");
    }

    @Test
    void aFileOfBlankLinesIsAnError() {
        assertThatThrownBy(() -> read("\n \n\t\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.conll:3: expected at least one tagged sentence, but the file has only blank or comment lines.");
    }

    @Test
    void anEmptyTagIsAnError() {
        assertThatThrownBy(() -> read("word\t \n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t.conll:1: expected 'token<TAB>tag' with both non-empty");
    }
}
