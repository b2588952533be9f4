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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TaggerEnsembleTest {

    private static final List<List<String>> SENTENCES = List.of(
            List.of("Anna", "met", "Bob", "in"),
            List.of("New", "York"),
            List.of("Bob", "Smith", "sleeps"));

    private static final Vocabulary TAGS = Vocabulary.closed(List.of("O", "B-PER", "I-PER", "B-LOC"));

    private static SentenceEncoder encoder(int minCount) {
        return new SentenceEncoder(Tokens.wordVocabulary(SENTENCES, minCount), Tokens.characterVocabulary(SENTENCES, 1), TAGS);
    }

    private static TaggerEnsemble.Member member(SentenceEncoder enc, TagOutput output, int hidden, long seed) {
        TaggerConfig config = new TaggerConfig(enc.words().size(), 3, enc.characters().size(), 2, 2, CellType.LSTM, hidden, 1,
                TAGS.size(), output, 0f);
        TaggerNetwork net = new TaggerNetwork(config, TransitionConstraints.none(TAGS.size()));
        float[] params = net.initialParameters(seed);
        // Larger CRF transition scores than the initial U(-0.1, 0.1), so they matter to the best path.
        if (output == TagOutput.CRF) {
            int off = net.parameters().entry("crf.transitions").offset();
            for (int i = 0; i < TAGS.size() * TAGS.size(); i++) {
                params[off + i] *= 20;
            }
        }
        return new TaggerEnsemble.Member(net, params, enc);
    }

    @ParameterizedTest
    @EnumSource(TagOutput.class)
    void oneMemberTagsExactlyAsTheModelAlone(TagOutput output) {
        TaggerEnsemble.Member m = member(encoder(1), output, 4, 3);
        int[][] alone = m.network().predict(m.params(), m.encoder().encodeTokens(SENTENCES));
        assertThat(new TaggerEnsemble(List.of(m)).predict(SENTENCES)).isDeepEqualTo(alone);
        // Decoding the model's own scores also gives its prediction: scores() loses nothing decoding needs.
        TagScores scores = m.network().scores(m.params(), m.encoder().encodeTokens(SENTENCES));
        assertThat(m.network().decode(scores)).isDeepEqualTo(alone);
    }

    /**
     * Log-linear pooling, checked by enumeration: the ensemble's tags are the path (CRF) or the
     * tags (softmax) with the greatest mean of the members' log-probabilities, each computed by the
     * member's own loss, for members of different sizes, seeds and word vocabularies; with an
     * entity bias, plus the bias times the number of tokens not tagged O.
     */
    @ParameterizedTest(name = "{0} entity bias {1}")
    @CsvSource({"CRF, 0", "SOFTMAX, 0", "CRF, 0.7", "SOFTMAX, 0.7"})
    void ensembleTagsMaximiseTheMeanOfMemberLogProbabilities(TagOutput output, float entityBias) {
        List<TaggerEnsemble.Member> members = List.of(member(encoder(1), output, 4, 3), member(encoder(2), output, 3, 8),
                member(encoder(1), output, 5, 21));
        int[][] ensemble = new TaggerEnsemble(members, entityBias).predict(SENTENCES);
        int k = TAGS.size();
        for (int s = 0; s < SENTENCES.size(); s++) {
            List<String> tokens = SENTENCES.get(s);
            int n = tokens.size();
            double best = Double.NEGATIVE_INFINITY;
            int[] bestPath = null;
            int paths = (int) Math.pow(k, n);
            for (int code = 0; code < paths; code++) {
                int[] path = new int[n];
                for (int t = 0, c = code; t < n; t++, c /= k) {
                    path[t] = c % k;
                }
                TaggedSentence gold = TaggedSentence.of(tokens, tagNames(path));
                double logProbability = 0;
                for (TaggerEnsemble.Member m : members) {
                    logProbability -= m.network().loss(m.params(), m.encoder().encode(List.of(gold))) / members.size();
                }
                for (int tag : path) {
                    logProbability += tag == TAGS.indexOf("O") ? 0 : entityBias;
                }
                if (logProbability > best) {
                    best = logProbability;
                    bestPath = path;
                }
            }
            assertThat(ensemble[s]).as("sentence %d", s).isEqualTo(bestPath);
        }
        // The pooled tags are not simply one member's: at least one sentence differs from some member's own tags.
        boolean differs = false;
        for (TaggerEnsemble.Member m : members) {
            differs |= !java.util.Arrays.deepEquals(m.network().predict(m.params(), m.encoder().encodeTokens(SENTENCES)), ensemble);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aLargeEntityBiasLeavesNoTokenOutsideAndNeedsAnOTag() {
        TaggerEnsemble.Member m = member(encoder(1), TagOutput.CRF, 4, 3);
        for (int[] sentence : new TaggerEnsemble(List.of(m), 1000f).predict(SENTENCES)) {
            assertThat(sentence).doesNotContain(TAGS.indexOf("O"));
        }
        Vocabulary noOutside = Vocabulary.closed(List.of("NOUN", "VERB", "DET", "ADJ"));
        SentenceEncoder pos = new SentenceEncoder(m.encoder().words(), m.encoder().characters(), noOutside);
        TaggerEnsemble.Member tagger = new TaggerEnsemble.Member(m.network(), m.params(), pos);
        assertThat(new TaggerEnsemble(List.of(tagger), 0f).size()).isEqualTo(1);
        assertThatThrownBy(() -> new TaggerEnsemble(List.of(tagger), 1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'O' tag");
    }

    private static List<String> tagNames(int[] path) {
        List<String> names = new ArrayList<>();
        for (int i : path) {
            names.add(TAGS.symbol(i));
        }
        return names;
    }

    @Test
    void membersMustShareTagsAndOutput() {
        TaggerEnsemble.Member crf = member(encoder(1), TagOutput.CRF, 4, 3);
        TaggerEnsemble.Member softmax = member(encoder(1), TagOutput.SOFTMAX, 4, 3);
        assertThatThrownBy(() -> new TaggerEnsemble(List.of(crf, softmax)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Tagger 2").hasMessageContaining("softmax output");
        Vocabulary otherTags = Vocabulary.closed(List.of("O", "B-LOC", "B-PER", "I-PER"));
        SentenceEncoder reordered = new SentenceEncoder(crf.encoder().words(), crf.encoder().characters(), otherTags);
        TaggerEnsemble.Member other = new TaggerEnsemble.Member(crf.network(), crf.params(), reordered);
        assertThatThrownBy(() -> new TaggerEnsemble(List.of(crf, other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share one tag list");
        assertThatThrownBy(() -> new TaggerEnsemble(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
