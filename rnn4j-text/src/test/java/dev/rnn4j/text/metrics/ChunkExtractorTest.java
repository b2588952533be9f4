package dev.rnn4j.text.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkExtractorTest {

    private static List<Chunk> chunks(String tags) {
        return ChunkExtractor.chunks(List.of(tags.split(" ")));
    }

    @Test
    void bioSpansEndAtOAtANewBAndAtTheSentenceEnd() {
        assertThat(chunks("B-PER I-PER O B-LOC B-LOC I-LOC"))
                .containsExactly(new Chunk("PER", 0, 2), new Chunk("LOC", 3, 4), new Chunk("LOC", 4, 6));
    }

    @Test
    void anInsideTagAfterOStartsAChunkAsInConlleval() {
        assertThat(chunks("O I-ORG I-ORG O")).containsExactly(new Chunk("ORG", 1, 3));
    }

    @Test
    void aTypeChangeInsideASpanSplitsIt() {
        assertThat(chunks("B-PER I-LOC I-LOC")).containsExactly(new Chunk("PER", 0, 1), new Chunk("LOC", 1, 3));
    }

    @Test
    void typesMaySplitOnlyAtTheFirstHyphen() {
        assertThat(chunks("B-creative-work I-creative-work")).containsExactly(new Chunk("creative-work", 0, 2));
    }

    @Test
    void iobesSinglesAndEndsCloseChunks() {
        assertThat(chunks("S-PER B-LOC E-LOC S-LOC O"))
                .containsExactly(new Chunk("PER", 0, 1), new Chunk("LOC", 1, 3), new Chunk("LOC", 3, 4));
    }

    @Test
    void allOutsideHasNoChunks() {
        assertThat(chunks("O O O")).isEmpty();
    }
}
