package dev.rnn4j.seq2seq;

import dev.rnn4j.model.Dense;
import dev.rnn4j.model.Embedding;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.nn.ParameterLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the parameters outside the two recurrent stacks live in one flat array, with their
 * state-dict names: the source and target embeddings, the bridge, the attention and the output
 * layer. Parts a config does not need are absent (null) and take no space.
 */
final class HeadLayout {

    final Embedding sourceEmbedding;
    final int sourceEmbeddingOffset;
    final Embedding targetEmbedding;
    final int targetEmbeddingOffset;
    /** Encoder state (directions concatenated) to decoder hidden state, then tanh; null when copied. */
    final Dense bridgeHidden;
    /** Encoder cell state to decoder cell state (LSTM with a bridge), linear; else null. */
    final Dense bridgeCell;
    /** Luong's W_a [decoderHidden, encoderWidth] (general attention), else -1. */
    final int scoreOffset;
    /** W_c [ctx; h_t] -> decoderHidden, then tanh; null without attention. */
    final Dense combine;
    final Dense output;
    private final List<ParameterLayout.Entry> entries = new ArrayList<>();
    private int size;

    HeadLayout(Seq2SeqConfig c) {
        int e = c.embeddingSize();
        int hd = c.decoderHidden();
        int ew = c.encoderWidth();
        sourceEmbedding = new Embedding(c.sourceVocabulary(), e);
        sourceEmbeddingOffset = add("source_embedding.weight", c.sourceVocabulary(), e);
        targetEmbedding = new Embedding(c.targetVocabulary(), e);
        targetEmbeddingOffset = add("target_embedding.weight", c.targetVocabulary(), e);
        bridgeHidden = c.needsBridge() ? dense("bridge.hidden", ew, hd) : null;
        bridgeCell = c.needsBridge() && c.cell() == CellType.LSTM ? dense("bridge.cell", ew, hd) : null;
        scoreOffset = c.attention() == AttentionScore.GENERAL ? add("attention.score.weight", hd, ew) : -1;
        combine = c.attention() == AttentionScore.NONE ? null : dense("attention.combine", ew + hd, hd);
        output = dense("output", hd, c.targetVocabulary());
    }

    private int add(String name, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        int offset = size;
        entries.add(new ParameterLayout.Entry(name, shape.clone(), offset, n));
        size += n;
        return offset;
    }

    private Dense dense(String name, int in, int out) {
        int offset = add(name + ".weight", out, in);
        add(name + ".bias", out);
        return new Dense(in, out, offset);
    }

    List<ParameterLayout.Entry> entries() {
        return List.copyOf(entries);
    }

    int size() {
        return size;
    }
}
