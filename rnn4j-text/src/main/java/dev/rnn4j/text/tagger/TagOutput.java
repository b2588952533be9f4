package dev.rnn4j.text.tagger;

import java.util.Locale;

/** How a tagger turns per-token tag scores into tags: a linear-chain CRF, or an independent softmax per token. */
public enum TagOutput {
    CRF,
    SOFTMAX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TagOutput parse(String name) {
        for (TagOutput o : values()) {
            if (o.id().equalsIgnoreCase(name.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("The tag output must be crf or softmax, got '" + name + "'.");
    }
}
