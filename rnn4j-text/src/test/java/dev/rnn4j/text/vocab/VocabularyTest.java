package dev.rnn4j.text.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final List<List<String>> SENTENCES = List.of(
            List.of("the", "cat", "sat"),
            List.of("the", "dog", "sat", "down"),
            List.of("the", "end"));

    @Test
    void wordVocabularyKeepsWordsAtMinimumCountMostFrequentFirst() {
        Vocabulary v = Tokens.wordVocabulary(SENTENCES, 2);
        assertThat(v.symbols()).containsExactly("<unk>", "the", "sat");
        assertThat(v.indexOf("the")).isEqualTo(1);
        assertThat(v.indexOf("cat")).isEqualTo(0);
        assertThat(v.contains("cat")).isFalse();
        assertThat(v.isOpen()).isTrue();
    }

    @Test
    void tiesAreBrokenByCodePointOrderWhateverTheInputOrder() {
        Vocabulary v = Tokens.wordVocabulary(SENTENCES, 1);
        assertThat(v.symbols()).containsExactly("<unk>", "the", "sat", "cat", "dog", "down", "end");
    }

    @Test
    void charactersAreCodePoints() {
        assertThat(Tokens.characters("a\uD83D\uDE00b")).containsExactly("a", "\uD83D\uDE00", "b");
        Vocabulary chars = Tokens.characterVocabulary(List.of(List.of("aab", "b")), 1);
        assertThat(chars.symbols()).containsExactly("<unk>", "a", "b");
    }

    @Test
    void closedVocabularyReturnsMinusOneForUnseenSymbols() {
        Vocabulary tags = Vocabulary.closed(List.of("O", "B-PER", "I-PER"));
        assertThat(tags.indexOf("I-PER")).isEqualTo(2);
        assertThat(tags.indexOf("B-LOC")).isEqualTo(-1);
        assertThat(tags.isOpen()).isFalse();
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Vocabulary words = Tokens.wordVocabulary(SENTENCES, 1);
        Vocabulary tags = Vocabulary.closed(List.of("O", "B-PER"));
        String text = json.writeValueAsString(words);
        assertThat(text).isEqualTo("{\"symbols\":[\"<unk>\",\"the\",\"sat\",\"cat\",\"dog\",\"down\",\"end\"],\"unknown\":\"<unk>\"}");
        assertThat(json.readValue(text, Vocabulary.class)).isEqualTo(words);
        assertThat(json.readValue(json.writeValueAsString(tags), Vocabulary.class)).isEqualTo(tags);
    }

    @Test
    void refusesDuplicatesAndAMissingUnknownSymbol() {
        assertThatThrownBy(() -> new Vocabulary(List.of("a", "b", "a"), null))
                .hasMessage("Vocabulary symbol 'a' appears twice, at 0 and 2.");
        assertThatThrownBy(() -> new Vocabulary(List.of("a"), "<unk>"))
                .hasMessage("The unknown symbol '<unk>' must be one of the vocabulary's symbols.");
        assertThatThrownBy(() -> Vocabulary.fromCounts(java.util.Map.of(), 0))
                .hasMessage("minCount must be >= 1, got 0.");
    }
}
