package dev.rnn4j.text.tagger;

/**
 * What evaluation does with a gold tag the model never saw in training (so can never output).
 * Failing is the default: usually it means the wrong file or tag set. But a fine-grained tag set
 * can have a few rare tags that only occur outside the training split (the raw Brown tags: 20 of
 * the 115,661 dev tokens), and then scoring them as errors is the honest alternative.
 */
public enum UnknownGoldTags {
    /** Stop at the first one with an error naming its file and line. */
    FAIL,
    /** Score the token as mistagged, and count it. */
    COUNT_AS_WRONG
}
