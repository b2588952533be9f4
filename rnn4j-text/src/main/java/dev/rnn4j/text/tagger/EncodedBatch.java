package dev.rnn4j.text.tagger;

/**
 * A padded batch of sentences as indices, ready for {@link TaggerNetwork}.
 *
 * @param time       the padded length T (the longest sentence)
 * @param lengths    each sentence's length, 1..T; B = lengths.length
 * @param words      word index per position {@code [B * T]}, -1 at padding
 * @param characters character indices of each real token, sentence by sentence, position by position
 *                   (as many arrays as the lengths add up to); null for a model without character features
 * @param tags       gold tag index per position {@code [B * T]}, -1 at padding; null when there is no gold
 */
public record EncodedBatch(int time, int[] lengths, int[] words, int[][] characters, int[] tags) {

    public EncodedBatch {
        int tokens = 0;
        for (int len : lengths) {
            if (len < 1 || len > time) {
                throw new IllegalArgumentException("Every sentence length must be in 1.." + time + ", got " + len + ".");
            }
            tokens += len;
        }
        if (words.length != lengths.length * time) {
            throw new IllegalArgumentException("words must have B*T = " + lengths.length * time + " entries, got " + words.length + ".");
        }
        if (tags != null && tags.length != words.length) {
            throw new IllegalArgumentException("tags must have B*T = " + words.length + " entries, got " + tags.length + ".");
        }
        if (characters != null && characters.length != tokens) {
            throw new IllegalArgumentException("characters must have one array per token (" + tokens + "), got " + characters.length + ".");
        }
    }

    public int batch() {
        return lengths.length;
    }

    /** Real (unpadded) tokens in the batch. */
    public int tokens() {
        int n = 0;
        for (int len : lengths) {
            n += len;
        }
        return n;
    }
}
