package dev.rnn4j.seq2seq;

import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.RecurrentConfig;

/**
 * The shape of an {@link EncoderDecoder}: symbols of a source vocabulary go through an embedding
 * and an encoder stack (which may be bidirectional); its final states start a decoder stack over
 * embedded target symbols; optional Luong attention over the encoder outputs; a dense layer gives
 * one logit per target symbol. The target vocabulary holds the start symbol (the decoder's first
 * input) and the end symbol (the last output of every target).
 *
 * @param cell                 cell of both stacks
 * @param sourceVocabulary     source symbols
 * @param targetVocabulary     target symbols, start and end included
 * @param embeddingSize        size of each symbol vector (source and target tables)
 * @param encoderHidden        hidden units per encoder direction
 * @param layers               layers of each stack (the bridge maps encoder layer l to decoder layer l)
 * @param encoderBidirectional whether the encoder also reads backwards
 * @param decoderHidden        hidden units of the decoder
 * @param decoderBidirectional must be false: see the constructor's message
 * @param attention            none, dot or general
 * @param startSymbol          target index fed as the decoder's first input
 * @param endSymbol            target index that ends a generated sequence
 */
public record Seq2SeqConfig(CellType cell, int sourceVocabulary, int targetVocabulary, int embeddingSize, int encoderHidden,
                            int layers, boolean encoderBidirectional, int decoderHidden, boolean decoderBidirectional,
                            AttentionScore attention, int startSymbol, int endSymbol) {

    public Seq2SeqConfig {
        if (decoderBidirectional) {
            throw new IllegalArgumentException("A bidirectional decoder is refused: its reverse direction would read the target "
                    + "symbols after the one being generated, which do not exist yet when decoding; use a unidirectional "
                    + "decoder (the encoder may be bidirectional).");
        }
        if (cell == null || attention == null) {
            throw new IllegalArgumentException("cell and attention must be set, got cell=" + cell + ", attention=" + attention + ".");
        }
        positive("sourceVocabulary", sourceVocabulary);
        positive("embeddingSize", embeddingSize);
        positive("encoderHidden", encoderHidden);
        positive("layers", layers);
        positive("decoderHidden", decoderHidden);
        if (targetVocabulary < 2) {
            throw new IllegalArgumentException("targetVocabulary must be >= 2 (start and end symbols included), got "
                    + targetVocabulary + ".");
        }
        if (startSymbol < 0 || startSymbol >= targetVocabulary || endSymbol < 0 || endSymbol >= targetVocabulary
                || startSymbol == endSymbol) {
            throw new IllegalArgumentException("startSymbol and endSymbol must be two different indices in 0.."
                    + (targetVocabulary - 1) + ", got " + startSymbol + " and " + endSymbol + ".");
        }
        int encoderWidth = (encoderBidirectional ? 2 : 1) * encoderHidden;
        if (attention == AttentionScore.DOT && encoderWidth != decoderHidden) {
            throw new IllegalArgumentException("dot attention needs the encoder output width (" + encoderWidth
                    + ") to equal decoderHidden (" + decoderHidden + "); use general attention or matching sizes.");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value + ".");
        }
    }

    /** A one-layer unidirectional model with equal sizes, no attention. */
    public static Seq2SeqConfig of(CellType cell, int sourceVocabulary, int targetVocabulary, int embeddingSize, int hidden,
                                   int startSymbol, int endSymbol) {
        return new Seq2SeqConfig(cell, sourceVocabulary, targetVocabulary, embeddingSize, hidden, 1, false, hidden, false,
                AttentionScore.NONE, startSymbol, endSymbol);
    }

    public Seq2SeqConfig withAttention(AttentionScore score) {
        return new Seq2SeqConfig(cell, sourceVocabulary, targetVocabulary, embeddingSize, encoderHidden, layers,
                encoderBidirectional, decoderHidden, decoderBidirectional, score, startSymbol, endSymbol);
    }

    public Seq2SeqConfig withEncoder(int hidden, boolean bidirectional) {
        return new Seq2SeqConfig(cell, sourceVocabulary, targetVocabulary, embeddingSize, hidden, layers, bidirectional,
                decoderHidden, decoderBidirectional, attention, startSymbol, endSymbol);
    }

    public Seq2SeqConfig withLayers(int count) {
        return new Seq2SeqConfig(cell, sourceVocabulary, targetVocabulary, embeddingSize, encoderHidden, count,
                encoderBidirectional, decoderHidden, decoderBidirectional, attention, startSymbol, endSymbol);
    }

    /** Width of each encoder output step: directions times encoderHidden. */
    public int encoderWidth() {
        return (encoderBidirectional ? 2 : 1) * encoderHidden;
    }

    /** Whether encoder states need a learned bridge to become decoder states (else they are copied). */
    public boolean needsBridge() {
        return encoderWidth() != decoderHidden;
    }

    public RecurrentConfig encoderConfig() {
        return new RecurrentConfig(cell, embeddingSize, encoderHidden, layers, encoderBidirectional, true);
    }

    public RecurrentConfig decoderConfig() {
        return new RecurrentConfig(cell, embeddingSize, decoderHidden, layers, false, true);
    }
}
