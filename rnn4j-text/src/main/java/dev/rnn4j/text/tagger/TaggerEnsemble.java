package dev.rnn4j.text.tagger;

import dev.rnn4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Several trained taggers over the same tag set, decoding together: each member encodes the
 * sentences with its own vocabularies and computes its scores, the scores are averaged
 * ({@link TagScores#average}: log-linear pooling) and the first member decodes the average with
 * its output layer and transition constraints. One member tags exactly as that model alone.
 *
 * <p>Members may differ in everything but the tag list and the output kind (seeds, sizes, word
 * vocabularies). Not thread-safe, as its networks are not.
 */
public final class TaggerEnsemble {

    /** One trained tagger: its network, its parameters and the encoder of its vocabularies. */
    public record Member(TaggerNetwork network, float[] params, SentenceEncoder encoder) {
    }

    /** The tag of tokens outside every entity in BIO tag sets. */
    private static final String OUTSIDE = "O";

    private final List<Member> members;
    private final float entityBias;
    /** Index of the O tag, or -1 (then the entity bias is 0). */
    private final int outside;

    public TaggerEnsemble(List<Member> members) {
        this(members, 0f);
    }

    /**
     * As {@link #TaggerEnsemble(List)}, adding {@code entityBias} to the score of every tag but
     * {@code O} at each token before decoding: a positive bias trades precision for recall (it
     * multiplies the odds of an entity tag against {@code O} by e^bias). 0 decodes the scores as
     * they are; a non-zero bias needs a tag set with an {@code O} tag.
     */
    public TaggerEnsemble(List<Member> members, float entityBias) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("An ensemble needs at least one tagger, got none.");
        }
        Member first = members.get(0);
        for (int i = 1; i < members.size(); i++) {
            Member m = members.get(i);
            if (!m.encoder().tags().symbols().equals(first.encoder().tags().symbols())) {
                throw new IllegalArgumentException("Tagger " + (i + 1) + " of the ensemble knows the tags " + m.encoder().tags().symbols()
                        + ", tagger 1 knows " + first.encoder().tags().symbols() + "; members must share one tag list.");
            }
            if (m.network().config().output() != first.network().config().output()) {
                throw new IllegalArgumentException("Tagger " + (i + 1) + " of the ensemble has a " + m.network().config().output().id()
                        + " output, tagger 1 a " + first.network().config().output().id() + " output; members must share one.");
            }
        }
        if (!Float.isFinite(entityBias)) {
            throw new IllegalArgumentException("The entity bias must be a finite number, got " + entityBias + ".");
        }
        if (entityBias != 0f && !first.encoder().tags().symbols().contains(OUTSIDE)) {
            throw new IllegalArgumentException("An entity bias needs a tag set with an 'O' tag; these tags have none: "
                    + first.encoder().tags().symbols() + ".");
        }
        this.members = List.copyOf(members);
        this.entityBias = entityBias;
        this.outside = first.encoder().tags().indexOf(OUTSIDE);
    }


    /** A single tagger. */
    public static TaggerEnsemble of(TaggerNetwork network, float[] params, SentenceEncoder encoder) {
        return new TaggerEnsemble(List.of(new Member(network, params, encoder)));
    }

    public int size() {
        return members.size();
    }

    /** The tag list the members share. */
    public Vocabulary tags() {
        return members.get(0).encoder().tags();
    }

    /** The encoder of the first member (its tag list is every member's). */
    public SentenceEncoder firstEncoder() {
        return members.get(0).encoder();
    }

    /** The best tag indices of each sentence, of its own length. */
    public int[][] predict(List<? extends List<String>> sentences) {
        if (members.size() == 1 && entityBias == 0f) {
            Member m = members.get(0);
            return m.network().predict(m.params(), m.encoder().encodeTokens(sentences));
        }
        List<TagScores> scores = new ArrayList<>(members.size());
        for (Member m : members) {
            scores.add(m.network().scores(m.params(), m.encoder().encodeTokens(sentences)));
        }
        TagScores pooled = TagScores.average(scores);
        if (entityBias != 0f) {
            addEntityBias(pooled);
        }
        return members.get(0).network().decode(pooled);
    }

    private void addEntityBias(TagScores scores) {
        int k = scores.numTags();
        float[] e = scores.emissions();
        for (int b = 0; b < scores.lengths().length; b++) {
            for (int t = 0; t < scores.lengths()[b]; t++) {
                int row = (b * scores.time() + t) * k;
                for (int j = 0; j < k; j++) {
                    if (j != outside) {
                        e[row + j] += entityBias;
                    }
                }
            }
        }
    }

    /** The best tags of each sentence, by name, predicted {@code batchSize} sentences at a time. */
    public List<List<String>> predictNames(List<? extends List<String>> sentences, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize + ".");
        }
        List<List<String>> out = new ArrayList<>(sentences.size());
        for (int from = 0; from < sentences.size(); from += batchSize) {
            for (int[] s : predict(sentences.subList(from, Math.min(sentences.size(), from + batchSize)))) {
                out.add(firstEncoder().tagNames(s));
            }
        }
        return out;
    }
}
