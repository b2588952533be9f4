package dev.rnn4j.text.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.seq2seq.AttentionScore;
import dev.rnn4j.seq2seq.EncoderDecoder;
import dev.rnn4j.seq2seq.Seq2SeqConfig;
import dev.rnn4j.seq2seq.SymbolPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharSeq2SeqTest {

    @TempDir
    Path dir;

    private static CharSeq2Seq model(boolean reverse) {
        CharacterCodec codec = CharacterCodec.fromPairs(List.of(new TextPair("abc", "cba", "t:1"), new TextPair("d", "d", "t:2")));
        Seq2SeqConfig config = new Seq2SeqConfig(CellType.LSTM, codec.source().size(), codec.target().size(), 4, 5, 1, true, 6,
                false, AttentionScore.GENERAL, codec.startSymbol(), codec.endSymbol());
        return new CharSeq2Seq(codec, EncoderDecoder.create(config, 3), 3, reverse);
    }

    @Test
    void savedAndLoadedModelsTranslateAlike() throws Exception {
        CharSeq2Seq m = model(true);
        m.save(dir.resolve("m"));
        CharSeq2Seq loaded = CharSeq2Seq.load(dir.resolve("m"));
        assertThat(loaded.reverseSource()).isTrue();
        assertThat(loaded.longestTrainedSource()).isEqualTo(3);
        assertThat(loaded.codec()).isEqualTo(m.codec());
        List<String> sources = List.of("abc", "dcba", "ad");
        assertThat(loaded.translate(sources, 1, 0, 8, 2)).isEqualTo(m.translate(sources, 1, 0, 8, 2));
        assertThat(loaded.translate(sources, 3, 0.6, 8, 2)).isEqualTo(m.translate(sources, 3, 0.6, 8, 2));
    }

    @Test
    void reverseSourceFeedsTheEncoderBackwards() {
        List<TextPair> pairs = List.of(new TextPair("abd", "dba", "t:1"));
        SymbolPair forward = model(false).symbols(pairs).get(0);
        SymbolPair backward = model(true).symbols(pairs).get(0);
        assertThat(backward.source()).containsExactly(forward.source()[2], forward.source()[1], forward.source()[0]);
        assertThat(backward.target()).containsExactly(forward.target());
    }

    @Test
    void anotherKindOfModelIsRefusedByName() throws Exception {
        model(false).save(dir.resolve("m2"));
        Path config = dir.resolve("m2").resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"seq2seq\",", "\"sequence_tagger\","));
        assertThatThrownBy(() -> CharSeq2Seq.load(dir.resolve("m2")))
                .hasMessageContaining("expected a sequence-to-sequence model (kind 'seq2seq'), got kind 'sequence_tagger'.");
    }
}
