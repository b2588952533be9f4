package dev.rnn4j.text.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.text.vocab.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharTextTest {

    @TempDir
    Path dir;

    @Test
    void theVocabularyIsEveryDistinctCodePointInCodePointOrder() {
        Vocabulary v = new CharText("t", "baa\nc\uD83D\uDE00a").vocabulary();
        assertThat(v.symbols()).containsExactly("\n", "a", "b", "c", "\uD83D\uDE00");
        assertThat(v.isOpen()).isFalse();
    }

    @Test
    void encodingMapsEachCodePointToItsIndex() {
        CharText t = new CharText("t", "ab\uD83D\uDE00b");
        Vocabulary v = Vocabulary.closed(List.of("\uD83D\uDE00", "a", "b"));
        assertThat(t.length()).isEqualTo(4);
        assertThat(t.encode(v)).containsExactly(1, 2, 0, 2);
    }

    @Test
    void anUnknownCharacterIsAnErrorNamingSourceLineAndColumn() {
        CharText t = new CharText("valid.txt", "ab\nba\nabz");
        Vocabulary v = Vocabulary.closed(List.of("\n", "a", "b"));
        assertThatThrownBy(() -> t.encode(v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("valid.txt line 3 column 3: character 'z' (U+007A) is not in the model's 3-character vocabulary, "
                        + "so the model cannot score it.");
    }

    @Test
    void anEmptyFileIsRefusedByName() throws Exception {
        Path f = Files.writeString(dir.resolve("empty.txt"), "");
        assertThatThrownBy(() -> CharText.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + " is empty; a character model needs text to read.");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedByName() throws Exception {
        Path f = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', (byte) 0xE9, 'b'});
        assertThatThrownBy(() -> CharText.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + " is not UTF-8 text (");
    }

    @Test
    void splitKeepsTheFirstShareAndTheRestWithoutLosingACharacter() {
        CharText[] parts = new CharText("t", "0123456789").split(0.9);
        assertThat(parts[0].text()).isEqualTo("012345678");
        assertThat(parts[1].text()).isEqualTo("9");
        assertThat(parts[1].source()).isEqualTo("t (last 10 %)");
    }
}
