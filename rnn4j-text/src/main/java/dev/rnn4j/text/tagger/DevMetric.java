package dev.rnn4j.text.tagger;

/** Which development-set score picks the best epoch: token accuracy (part-of-speech) or span F1 (named entities). */
public enum DevMetric {
    ACCURACY,
    SPAN_F1
}
