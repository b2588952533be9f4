package dev.rnn4j.text.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharacterCodecTest {

    private final CharacterCodec codec = CharacterCodec.fromPairs(List.of(new TextPair("ba", "ab", "x:1"),
            new TextPair("c+d", "dc", "x:2")));

    @Test
    void vocabulariesHoldTheTrainingCharactersAndTheSpecialSymbols() {
        assertThat(codec.source().symbols()).containsExactly("<unk>", "+", "a", "b", "c", "d");
        assertThat(codec.target().symbols()).containsExactly("<s>", "</s>", "a", "b", "c", "d");
    }

    @Test
    void encodesAndDecodes() {
        assertThat(codec.encodeSource("ab+z")).containsExactly(2, 3, 1, 0); // z is unknown
        int[] t = codec.encodeTarget("dab", "x:3");
        assertThat(t).containsExactly(5, 2, 3);
        assertThat(codec.decodeTarget(t)).isEqualTo("dab");
    }

    @Test
    void aTargetCharacterOutsideTheVocabularyNamesItsLine() {
        assertThatThrownBy(() -> codec.encodeTarget("az", "f.tsv:9"))
                .hasMessage("f.tsv:9: target character 'z' was not seen in training, so the model cannot produce it.");
    }
}
