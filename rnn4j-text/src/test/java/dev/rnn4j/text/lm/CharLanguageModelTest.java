package dev.rnn4j.text.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.io.ModelFile;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.text.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharLanguageModelTest {

    @TempDir
    Path dir;

    @Test
    void theVocabularyAndWeightsSurviveTheModelFile() throws Exception {
        Vocabulary v = Vocabulary.closed(List.of("\n", " ", "a", "\"", "\uD83D\uDE00"));
        SequenceModel model = SequenceModel.create(CharLanguageModel.config(v.size(), CellType.GRU, 2, 8, 0.1, 7));
        var card = ModelFiles.json().createObjectNode().put("task", "character_language_model");
        new CharLanguageModel(v, model).save(dir, card);

        CharLanguageModel loaded = CharLanguageModel.load(dir);
        assertThat(loaded.vocabulary()).isEqualTo(v);
        assertThat(loaded.vocabulary().symbols()).containsExactly("\n", " ", "a", "\"", "\uD83D\uDE00");
        assertThat(loaded.model().config()).isEqualTo(model.config());
        assertThat(loaded.model().parameters()).containsExactly(model.parameters());
        assertThat(CharLanguageModel.card(dir).get("task").asText()).isEqualTo("character_language_model");
    }

    @Test
    void aSequenceModelWithoutAVocabularyIsNotACharacterModel() throws Exception {
        SequenceModel model = SequenceModel.create(CharLanguageModel.config(3, CellType.LSTM, 1, 4, 0, 1));
        ModelFiles.save(model, dir);
        assertThatThrownBy(() -> CharLanguageModel.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve(ModelFile.CONFIG) + " has no character vocabulary (card.char_lm.vocabulary); "
                        + "it is not a character language model.");
    }

    @Test
    void theModelMustReadAndWriteOneValuePerCharacter() {
        SequenceModel model = SequenceModel.create(CharLanguageModel.config(3, CellType.LSTM, 1, 4, 0, 1));
        Vocabulary four = Vocabulary.closed(List.of("a", "b", "c", "d"));
        assertThatThrownBy(() -> new CharLanguageModel(four, model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A character model over 4 characters needs 4 inputs and outputs, got 3 and 3.");
    }
}
