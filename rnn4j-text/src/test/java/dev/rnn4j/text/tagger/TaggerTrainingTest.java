package dev.rnn4j.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.text.crf.TransitionConstraints;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.vocab.Tokens;
import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerTrainingTest {

    // A toy language: capitalised words after "in" are locations, other capitalised words persons.
    private static final List<TaggedSentence> TRAIN = List.of(
            TaggedSentence.of(List.of("Anna", "lives", "in", "Oslo"), List.of("B-PER", "O", "O", "B-LOC")),
            TaggedSentence.of(List.of("Bob", "works", "in", "Rome"), List.of("B-PER", "O", "O", "B-LOC")),
            TaggedSentence.of(List.of("Carl", "sleeps"), List.of("B-PER", "O")),
            TaggedSentence.of(List.of("we", "met", "in", "Paris"), List.of("O", "O", "O", "B-LOC")),
            TaggedSentence.of(List.of("Dora", "works"), List.of("B-PER", "O")));
    private static final List<TaggedSentence> DEV = List.of(
            TaggedSentence.of(List.of("Anna", "works", "in", "Rome"), List.of("B-PER", "O", "O", "B-LOC")),
            TaggedSentence.of(List.of("Bob", "sleeps"), List.of("B-PER", "O")));
    private static final Vocabulary TAGS = Vocabulary.closed(List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC"));

    private static SentenceEncoder encoder() {
        List<List<String>> tokens = TRAIN.stream().map(TaggedSentence::tokens).toList();
        return new SentenceEncoder(Tokens.wordVocabulary(tokens, 1), Tokens.characterVocabulary(tokens, 1), TAGS);
    }

    @Test
    void plainSgdLowersTheLossAndKeepsTheBestEpoch() {
        SentenceEncoder enc = encoder();
        TaggerNetwork net = new TaggerNetwork(new TaggerConfig(enc.words().size(), 8, enc.characters().size(), 4, 4,
                CellType.LSTM, 8, 1, TAGS.size(), TagOutput.CRF, 0.2f), TransitionConstraints.bio(TAGS.symbols()));
        float[] params = net.initialParameters(2);
        List<TaggerTraining.EpochReport> seen = new ArrayList<>();
        TaggerTraining.Result r = TaggerTraining.train(net, params, enc, TRAIN, DEV,
                new TaggerTrainingConfig(40, 2, 40, DevMetric.SPAN_F1, 9),
                (p, g) -> {
                    for (int i = 0; i < p.length; i++) {
                        p[i] -= 0.1f * g[i];
                    }
                },
                seen::add);

        assertThat(seen).hasSize(40).isEqualTo(r.history());
        assertThat(seen.get(39).trainLossPerSentence()).isLessThan(seen.get(0).trainLossPerSentence() / 5);
        // The parameters returned are the best epoch's: scoring them again gives the recorded best score.
        double rescored = TaggerEvaluation.evaluate(net, params, enc, DEV, 8).overall().f1();
        assertThat(rescored).isEqualTo(r.bestScore());
        assertThat(seen.get(r.bestEpoch() - 1).devF1()).isEqualTo(r.bestScore());
        assertThat(r.bestScore()).isEqualTo(1.0);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        SentenceEncoder enc = encoder();
        TaggerNetwork net = new TaggerNetwork(new TaggerConfig(enc.words().size(), 4, 0, 0, 0,
                CellType.GRU, 4, 1, TAGS.size(), TagOutput.SOFTMAX, 0f));
        float[] params = net.initialParameters(1);
        // An update that changes nothing: the first epoch is the best, so training stops after 1 + patience epochs.
        TaggerTraining.Result r = TaggerTraining.train(net, params, enc, TRAIN, DEV,
                new TaggerTrainingConfig(50, 2, 3, DevMetric.ACCURACY, 1), (p, g) -> { }, e -> { });
        assertThat(r.bestEpoch()).isEqualTo(1);
        assertThat(r.history()).hasSize(4);
    }

    @Test
    void anUnknownDevTagFailsBeforeTraining() {
        SentenceEncoder enc = encoder();
        TaggerNetwork net = new TaggerNetwork(new TaggerConfig(enc.words().size(), 4, 0, 0, 0,
                CellType.GRU, 4, 1, TAGS.size(), TagOutput.SOFTMAX, 0f));
        List<TaggedSentence> dev = List.of(new TaggedSentence(List.of("x"), List.of("B-MISC"), "dev.conll", new int[]{3}));
        int[] updates = {0};
        assertThatThrownBy(() -> TaggerTraining.train(net, net.initialParameters(1), enc, TRAIN, dev,
                new TaggerTrainingConfig(5, 2, 2, DevMetric.ACCURACY, 1), (p, g) -> updates[0]++, e -> { }))
                .hasMessageStartingWith("dev.conll:3: tag 'B-MISC' was not seen in training;");
        assertThat(updates[0]).isZero();
    }
}
