package dev.rnn4j.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.text.crf.TransitionConstraints;
import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.SpanEvaluation;
import dev.rnn4j.text.metrics.SpanScore;
import dev.rnn4j.text.vocab.Tokens;
import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TaggerNetworkTest {

    private static final List<TaggedSentence> SENTENCES = List.of(
            TaggedSentence.of(List.of("Anna", "met", "Bob", "in", "Oslo"), List.of("B-PER", "O", "B-PER", "O", "B-LOC")),
            TaggedSentence.of(List.of("New", "York", "sleeps"), List.of("B-LOC", "I-LOC", "O")),
            TaggedSentence.of(List.of("Bob", "Smith"), List.of("B-PER", "I-PER")));

    private static final Vocabulary TAGS = Vocabulary.closed(List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC"));

    private static SentenceEncoder encoder(boolean withChars) {
        List<List<String>> tokens = SENTENCES.stream().map(TaggedSentence::tokens).toList();
        // min count 2 keeps only "Bob", so unknown words are exercised too.
        return new SentenceEncoder(Tokens.wordVocabulary(tokens, 2),
                withChars ? Tokens.characterVocabulary(tokens, 2) : null, TAGS);
    }

    private static TaggerConfig config(SentenceEncoder enc, int charHidden, CellType cell, int layers, TagOutput output) {
        int charVocab = enc.characters() == null ? 0 : enc.characters().size();
        return new TaggerConfig(enc.words().size(), 3, charVocab, 2, charHidden, cell, 3, layers, TAGS.size(), output, 0f);
    }

    @ParameterizedTest(name = "{0} {1} layers={2} charHidden={3} dropout={4}")
    @CsvSource({
            "LSTM, CRF,     2, 2, 0",
            "GRU,  CRF,     1, 0, 0",
            "LSTM, SOFTMAX, 1, 2, 0",
            "LSTM, CRF,     1, 2, 0.4",
    })
    void gradientMatchesFiniteDifferencesForEveryParameter(CellType cell, TagOutput out, int layers, int charHidden, float dropout) {
        SentenceEncoder enc = encoder(charHidden > 0);
        TaggerNetwork net = new TaggerNetwork(config(enc, charHidden, cell, layers, out).withDropout(dropout),
                TransitionConstraints.none(TAGS.size()), KernelProvider.scalar());
        float[] p = net.initialParameters(11);
        EncodedBatch batch = enc.encode(SENTENCES);
        float[] g = new float[p.length];
        // With dropout, every evaluation draws the same masks from the same seed, so the loss is one fixed function.
        double loss = net.lossAndGradient(p, batch, g, dropout == 0 ? null : new SplittableRandom(5));
        assertThat(loss).isPositive();

        int checked = 0;
        for (ParameterLayout.Entry e : net.parameters().entries()) {
            for (int i = e.offset(); i < e.offset() + e.size(); i++) {
                float saved = p[i];
                float h = 1e-2f;
                p[i] = saved + h;
                float up = p[i];
                double lUp = lossWithMasks(net, p, batch, dropout);
                p[i] = saved - h;
                float down = p[i];
                double lDown = lossWithMasks(net, p, batch, dropout);
                p[i] = saved;
                double numeric = (lUp - lDown) / ((double) up - down);
                assertThat((double) g[i]).as("%s[%d]", e.name(), i - e.offset())
                        .isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(p.length);
    }

    private static double lossWithMasks(TaggerNetwork net, float[] p, EncodedBatch batch, float dropout) {
        return dropout == 0 ? net.loss(p, batch)
                : net.lossAndGradient(p, batch, new float[p.length], new SplittableRandom(5));
    }

    @Test
    void dropoutChangesTheTrainingLossOnlyWhenARandomSourceIsGiven() {
        SentenceEncoder enc = encoder(true);
        TaggerNetwork net = new TaggerNetwork(config(enc, 2, CellType.LSTM, 1, TagOutput.CRF).withDropout(0.5f),
                TransitionConstraints.none(TAGS.size()), KernelProvider.scalar());
        float[] p = net.initialParameters(2);
        EncodedBatch batch = enc.encode(SENTENCES);
        double plain = net.lossAndGradient(p, batch, new float[p.length]);
        assertThat(net.loss(p, batch)).isEqualTo(plain);
        double masked = net.lossAndGradient(p, batch, new float[p.length], new SplittableRandom(1));
        assertThat(masked).isNotEqualTo(plain);
        assertThat(net.lossAndGradient(p, batch, new float[p.length], new SplittableRandom(1))).isEqualTo(masked);
    }

    @Test
    void paddingDoesNotChangeLossGradientOrPrediction() {
        SentenceEncoder enc = encoder(true);
        TaggerNetwork net = new TaggerNetwork(config(enc, 2, CellType.LSTM, 1, TagOutput.CRF),
                TransitionConstraints.none(TAGS.size()), KernelProvider.scalar());
        float[] p = net.initialParameters(3);
        double together = net.loss(p, enc.encode(SENTENCES));
        double apart = 0;
        float[] gTogether = new float[p.length];
        float[] gApart = new float[p.length];
        net.lossAndGradient(p, enc.encode(SENTENCES), gTogether);
        for (TaggedSentence s : SENTENCES) {
            apart += net.loss(p, enc.encode(List.of(s)));
            net.lossAndGradient(p, enc.encode(List.of(s)), gApart);
        }
        assertThat(together).isCloseTo(apart, within(1e-4));
        for (int i = 0; i < p.length; i++) {
            assertThat(gTogether[i]).as("gradient %d", i).isCloseTo(gApart[i], within(1e-4f));
        }
        int[][] batched = net.predict(p, enc.encode(SENTENCES));
        for (int s = 0; s < SENTENCES.size(); s++) {
            assertThat(batched[s]).containsExactly(net.predict(p, enc.encode(List.of(SENTENCES.get(s))))[0]);
        }
    }

    @Test
    void parameterNamesFollowThePyTorchModule() {
        SentenceEncoder enc = encoder(true);
        TaggerNetwork net = new TaggerNetwork(config(enc, 2, CellType.LSTM, 1, TagOutput.CRF));
        List<String> names = net.parameters().entries().stream().map(ParameterLayout.Entry::name).toList();
        assertThat(names).startsWith("word_embedding.weight", "char_embedding.weight", "char_lstm.weight_ih_l0")
                .contains("char_lstm.bias_hh_l0_reverse", "lstm.weight_hh_l0_reverse", "hidden2tag.weight", "hidden2tag.bias")
                .endsWith("crf.transitions", "crf.start_transitions", "crf.end_transitions");
        assertThat(net.parameters().entry("hidden2tag.weight").shape()).containsExactly(TAGS.size(), 6);
    }

    @Test
    void plainGradientDescentFitsATinyCorpus() {
        SentenceEncoder enc = encoder(true);
        TaggerNetwork net = new TaggerNetwork(config(enc, 2, CellType.LSTM, 1, TagOutput.CRF),
                TransitionConstraints.bio(TAGS.symbols()), KernelProvider.get());
        float[] p = net.initialParameters(5);
        EncodedBatch batch = enc.encode(SENTENCES);
        double first = net.loss(p, batch);
        float[] g = new float[p.length];
        for (int step = 0; step < 300; step++) {
            java.util.Arrays.fill(g, 0f);
            net.lossAndGradient(p, batch, g);
            for (int i = 0; i < p.length; i++) {
                p[i] -= 0.05f * g[i];
            }
        }
        double last = net.loss(p, batch);
        assertThat(last).isLessThan(first / 10);
        int[][] predicted = net.predict(p, batch);
        List<List<String>> names = new ArrayList<>();
        for (int[] row : predicted) {
            names.add(enc.tagNames(row));
        }
        assertThat(names).containsExactlyElementsOf(SENTENCES.stream().map(TaggedSentence::tags).toList());

        SpanEvaluation eval = TaggerEvaluation.evaluate(net, p, enc, SENTENCES, 2);
        assertThat(eval.accuracy().value()).isEqualTo(1.0);
        // Entities: Anna, Bob, Oslo; New York; Bob Smith.
        assertThat(eval.overall()).isEqualTo(new SpanScore(5, 5, 5));
    }

    @Test
    void constrainedDecodingNeverOutputsAnInsideTagWithoutItsBeginning() {
        SentenceEncoder enc = encoder(true);
        TaggerNetwork net = new TaggerNetwork(config(enc, 2, CellType.LSTM, 1, TagOutput.CRF),
                TransitionConstraints.bio(TAGS.symbols()), KernelProvider.scalar());
        List<List<String>> sentences = List.of(List.of("x", "y", "z", "w", "v", "u"), List.of("Bob", "Bob"), List.of("a"));
        for (long seed = 0; seed < 30; seed++) {
            float[] p = net.initialParameters(seed);
            // Favour I- tags strongly, so an unconstrained decoder would often start or switch type with one.
            int bias = net.parameters().entry("hidden2tag.bias").offset();
            p[bias + 2] += 3f;
            p[bias + 4] += 3f;
            for (int[] path : net.predict(p, enc.encodeTokens(sentences))) {
                String prev = "O";
                for (String tag : enc.tagNames(path)) {
                    if (tag.startsWith("I-")) {
                        assertThat(prev).as("seed %d", seed).isIn("B-" + tag.substring(2), tag);
                    }
                    prev = tag;
                }
            }
        }
    }

    @Test
    void anUnknownTagNamesFileAndLine() {
        TaggedSentence s = new TaggedSentence(List.of("Paris", "rocks"), List.of("B-LOC", "B-MISC"), "test.conll", new int[]{7, 8});
        assertThatThrownBy(() -> encoder(true).encode(List.of(s)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test.conll:8: tag 'B-MISC' was not seen in training; the model knows 5 tags: "
                        + "[O, B-PER, I-PER, B-LOC, I-LOC].");
    }

    @Test
    void evaluationStopsAtAnUnknownGoldTagNamingFileAndLine() {
        SentenceEncoder enc = encoder(false);
        TaggerNetwork net = new TaggerNetwork(config(enc, 0, CellType.GRU, 1, TagOutput.SOFTMAX));
        TaggedSentence bad = new TaggedSentence(List.of("Bob"), List.of("B-ORG"), "dev.conll", new int[]{42});
        assertThatThrownBy(() -> TaggerEvaluation.evaluate(net, net.initialParameters(1), enc,
                List.of(SENTENCES.get(0), bad), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dev.conll:42: tag 'B-ORG' was not seen in training;");

        TaggerEvaluation.Result counted = TaggerEvaluation.evaluate(net, net.initialParameters(1), enc,
                List.of(SENTENCES.get(0), bad), 8, UnknownGoldTags.COUNT_AS_WRONG);
        assertThat(counted.unknownGoldTags()).isEqualTo(1);
        assertThat(counted.scores().accuracy().total()).isEqualTo(6);
        assertThat(counted.scores().accuracy().correct()).isLessThanOrEqualTo(5);
    }

    @Test
    void configAndVocabulariesRoundTripThroughJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        SentenceEncoder enc = encoder(true);
        TaggerConfig cfg = config(enc, 2, CellType.LSTM, 2, TagOutput.CRF);
        assertThat(json.readValue(json.writeValueAsString(cfg), TaggerConfig.class)).isEqualTo(cfg);
        assertThat(json.readValue(json.writeValueAsString(enc), SentenceEncoder.class)).isEqualTo(enc);
        SentenceEncoder wordsOnly = encoder(false);
        assertThat(json.readValue(json.writeValueAsString(wordsOnly), SentenceEncoder.class)).isEqualTo(wordsOnly);
    }

    @Test
    void refusesAGradientArrayOfTheWrongSize() {
        SentenceEncoder enc = encoder(false);
        TaggerNetwork net = new TaggerNetwork(config(enc, 0, CellType.GRU, 1, TagOutput.SOFTMAX));
        float[] p = net.initialParameters(1);
        assertThatThrownBy(() -> net.lossAndGradient(p, enc.encode(SENTENCES), new float[3]))
                .hasMessage("gradient must have " + p.length + " floats (this tagger's layout), got 3.");
    }
}
