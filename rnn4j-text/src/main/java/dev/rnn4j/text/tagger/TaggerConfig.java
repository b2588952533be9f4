package dev.rnn4j.text.tagger;

import dev.rnn4j.nn.CellType;

/**
 * The shape of a sequence tagger: word embeddings, optional character features (a bidirectional
 * recurrent layer over each word's characters, its two final states concatenated), a stacked
 * bidirectional recurrent network over the words, a linear layer to tag scores, and a CRF or a
 * softmax on top.
 *
 * @param wordVocabularySize rows of the word embedding
 * @param wordDimension      size of a word vector
 * @param charVocabularySize rows of the character embedding (ignored when {@code charHidden == 0})
 * @param charDimension      size of a character vector (ignored when {@code charHidden == 0})
 * @param charHidden         hidden size of each direction of the character network; 0 for no character features
 * @param cell               the recurrent cell of both networks
 * @param hidden             hidden size of each direction of the word network
 * @param layers             stacked layers of the word network
 * @param numTags            number of tags
 * @param output             CRF or softmax
 * @param dropout            rate of inverted dropout, during training only, on the word network's input
 *                           (word vector and character features) and on its output; 0 for none
 */
public record TaggerConfig(int wordVocabularySize, int wordDimension, int charVocabularySize, int charDimension,
                           int charHidden, CellType cell, int hidden, int layers, int numTags, TagOutput output,
                           float dropout) {

    public TaggerConfig {
        positive("wordVocabularySize", wordVocabularySize);
        positive("wordDimension", wordDimension);
        if (charHidden < 0) {
            throw new IllegalArgumentException("charHidden must be >= 0 (0: no character features), got " + charHidden + ".");
        }
        if (charHidden > 0) {
            positive("charVocabularySize", charVocabularySize);
            positive("charDimension", charDimension);
        }
        if (cell == null) {
            throw new IllegalArgumentException("cell must be one of rnn_tanh, rnn_relu, lstm, gru, got null.");
        }
        positive("hidden", hidden);
        positive("layers", layers);
        positive("numTags", numTags);
        if (output == null) {
            throw new IllegalArgumentException("output must be crf or softmax, got null.");
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout + ".");
        }
    }

    /** This config with another dropout rate. */
    public TaggerConfig withDropout(float rate) {
        return new TaggerConfig(wordVocabularySize, wordDimension, charVocabularySize, charDimension, charHidden, cell, hidden,
                layers, numTags, output, rate);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value + ".");
        }
    }

    public boolean hasCharacterFeatures() {
        return charHidden > 0;
    }

    /** Features per word that the word network reads: the word vector and, if any, 2 * charHidden character features. */
    public int wordFeatures() {
        return wordDimension + 2 * charHidden;
    }
}
