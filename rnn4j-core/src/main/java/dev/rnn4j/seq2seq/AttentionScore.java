package dev.rnn4j.seq2seq;

import java.util.Locale;

/**
 * Luong et al. (2015) global attention scores between a decoder output h_t and an encoder output
 * e_s: none (no attention), {@code dot} h_t·e_s (needs equal widths), {@code general} h_t·(W_a e_s).
 */
public enum AttentionScore {
    NONE, DOT, GENERAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The score named {@code id} (none, dot, general). */
    public static AttentionScore parse(String id) {
        for (AttentionScore s : values()) {
            if (s.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("attention must be none, dot or general, got '" + id + "'.");
    }
}
