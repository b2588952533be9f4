package dev.rnn4j.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.text.embed.PretrainedVectors;
import dev.rnn4j.text.vocab.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerVocabulariesTest {

    private static final List<List<String>> TRAIN = List.of(List.of("The", "cat", "saw", "the", "Zorblax"), List.of("the", "cat"));

    private static PretrainedVectors vectors() throws IOException {
        // Most frequent first, as GloVe lists them.
        String text = "the 1 0\nof 0 1\ncat 1 1\nsaw 2 2\nlondon 3 3\nparis 4 4\n";
        return PretrainedVectors.read(new BufferedReader(new StringReader(text)), "v.txt", w -> true);
    }

    @Test
    void withoutVectorsOnlyWordsSeenMinCountTimesCount() {
        Vocabulary v = TaggerVocabularies.words(TRAIN, WordForm.AS_WRITTEN, 2, null, 0);
        assertThat(v.symbols()).containsExactly(Vocabulary.UNKNOWN, "cat", "the");

        Vocabulary lower = TaggerVocabularies.words(TRAIN, WordForm.LOWER_CASE, 2, null, 0);
        assertThat(lower.symbols()).containsExactly(Vocabulary.UNKNOWN, "the", "cat");
    }

    @Test
    void rareTrainingWordsWithAVectorStayAndTheFileHeadJoins() throws IOException {
        Vocabulary v = TaggerVocabularies.words(TRAIN, WordForm.LOWER_CASE, 2, vectors(), 0);
        // "saw" occurs once but has a vector; "zorblax" occurs once and has none.
        assertThat(v.symbols()).containsExactly(Vocabulary.UNKNOWN, "the", "cat", "saw");

        Vocabulary more = TaggerVocabularies.words(TRAIN, WordForm.LOWER_CASE, 2, vectors(), 3);
        // The file's first words not yet present: "of", "london", "paris" ("the", "cat" and "saw" are there already).
        assertThat(more.symbols()).containsExactly(Vocabulary.UNKNOWN, "the", "cat", "saw", "of", "london", "paris");
    }

    @Test
    void aCapitalisedTrainingWordKeepsItsCaseWhenWordsAreLookedUpAsWritten() throws IOException {
        Vocabulary v = TaggerVocabularies.words(TRAIN, WordForm.AS_WRITTEN, 2, vectors(), 0);
        // "The" has the vector of "the" (PretrainedVectors.copyInto falls back to lower case), so it stays.
        assertThat(v.symbols()).contains("The", "the", "saw").doesNotContain("Zorblax");
    }

    @Test
    void lowerCaseEncodingSharesWordRowsButNotCharacters() {
        Vocabulary words = TaggerVocabularies.words(TRAIN, WordForm.LOWER_CASE, 1, null, 0);
        Vocabulary chars = Vocabulary.fromCounts(java.util.Map.of("T", 1, "t", 1, "h", 1, "e", 1), 1);
        SentenceEncoder enc = new SentenceEncoder(words, chars, Vocabulary.closed(List.of("O")), WordForm.LOWER_CASE);

        EncodedBatch b = enc.encodeTokens(List.of(List.of("The", "the", "THE")));
        assertThat(b.words()[0]).isEqualTo(words.indexOf("the")).isEqualTo(b.words()[1]).isEqualTo(b.words()[2]);
        assertThat(b.characters()[0][0]).isEqualTo(chars.indexOf("T")).isNotEqualTo(b.characters()[1][0]);
    }
}
