package dev.rnn4j.text.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SentenceBatchesTest {

    // 103 "sentences": item i has length (i * 37) % 50 + 1.
    private final List<Integer> items = IntStream.range(0, 103).boxed().toList();

    private static int length(Integer i) {
        return (i * 37) % 50 + 1;
    }

    @Test
    void everyItemAppearsOnceInBatchesOfAtMostTheSize() {
        List<List<Integer>> batches = SentenceBatches.epoch(items, SentenceBatchesTest::length, 8, 4, 1);
        List<Integer> seen = new ArrayList<>();
        batches.forEach(seen::addAll);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(items);
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 8));
    }

    @Test
    void batchesHoldSimilarLengthsSoLittleIsPadding() {
        List<List<Integer>> batches = SentenceBatches.epoch(items, SentenceBatchesTest::length, 8, 4, 1);
        long padded = 0;
        long real = 0;
        for (List<Integer> b : batches) {
            int max = b.stream().mapToInt(SentenceBatchesTest::length).max().orElseThrow();
            padded += (long) max * b.size();
            real += b.stream().mapToInt(SentenceBatchesTest::length).sum();
        }
        // Random batches of 8 from lengths 1..50 pad to roughly twice the real tokens; pooled sorting stays far below.
        assertThat((double) padded / real).isLessThan(1.3);
    }

    @Test
    void theSameSeedGivesTheSameEpochAndAnotherSeedADifferentOne() {
        assertThat(SentenceBatches.epoch(items, SentenceBatchesTest::length, 8, 4, 7))
                .isEqualTo(SentenceBatches.epoch(items, SentenceBatchesTest::length, 8, 4, 7))
                .isNotEqualTo(SentenceBatches.epoch(items, SentenceBatchesTest::length, 8, 4, 8));
    }
}
