package dev.rnn4j.text.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.data.Batch;
import org.junit.jupiter.api.Test;

class TextStreamsTest {

    /** Characters 0..n-1 as their own ids, so every input and target says where it came from. */
    private static int[] counting(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** The id whose one-hot sits at row r, step t of the batch. */
    private static int oneHot(Batch b, int r, int t, int v) {
        float[] x = b.x().data();
        int found = -1;
        for (int j = 0; j < v; j++) {
            float value = x[(r * b.time() + t) * v + j];
            if (value == 1f) {
                assertThat(found).as("two ones at row %d step %d", r, t).isEqualTo(-1);
                found = j;
            } else {
                assertThat(value).isZero();
            }
        }
        return found;
    }

    @Test
    void equalStreamsAreContiguousAndChunksContinueEachOther() {
        // 23 characters, 22 predictions, 3 streams of 7 (the last prediction is left out), chunks of 3 steps
        TextStreams s = TextStreams.equal(counting(23), 23, 3);
        assertThat(s.start(0)).isZero();
        assertThat(s.start(1)).isEqualTo(7);
        assertThat(s.start(2)).isEqualTo(14);
        assertThat(s.predictions()).isEqualTo(21);
        assertThat(s.chunks(3)).isEqualTo(3);

        Batch first = s.chunk(0, 3);
        assertThat(first.time()).isEqualTo(3);
        assertThat(first.lengths()).isNull();
        // row 1, step 2: input character 7+2 = 9, target 10
        assertThat(oneHot(first, 1, 2, 23)).isEqualTo(9);
        assertThat(first.targets()[1 * 3 + 2]).isEqualTo(10f);

        Batch second = s.chunk(1, 3);
        // stream 1's second chunk starts where its first ended: input 10, target 11
        assertThat(oneHot(second, 1, 0, 23)).isEqualTo(10);
        assertThat(second.targets()[3]).isEqualTo(11f);

        Batch last = s.chunk(2, 3);
        assertThat(last.time()).isEqualTo(1); // 7 steps = 3 + 3 + 1
        assertThat(oneHot(last, 2, 0, 23)).isEqualTo(20);
        assertThat(last.targets()[2]).isEqualTo(21f);
    }

    @Test
    void everyCharacterAfterTheFirstIsPredictedExactlyOnceByUnequalStreams() {
        int n = 103;
        TextStreams s = TextStreams.covering(counting(n), n, 7);
        int[] predicted = new int[n];
        for (int c = 0; c < s.chunks(5); c++) {
            Batch b = s.chunk(c, 5);
            for (int r = 0; r < s.streams(); r++) {
                int steps = s.stepsInChunk(r, c, 5);
                for (int t = 0; t < steps; t++) {
                    int target = (int) b.targets()[r * b.time() + t];
                    assertThat(oneHot(b, r, t, n)).isEqualTo(target - 1);
                    predicted[target]++;
                }
            }
        }
        assertThat(predicted[0]).isZero();
        for (int i = 1; i < n; i++) {
            assertThat(predicted[i]).as("predictions of character %d", i).isEqualTo(1);
        }
        assertThat(s.predictions()).isEqualTo(n - 1);
    }

    @Test
    void aShareOfTheStreamsIsTheSameRowsOfTheWholeChunk() {
        TextStreams s = TextStreams.covering(counting(50), 50, 5);
        Batch whole = s.chunk(1, 4);
        Batch share = s.chunk(1, 4, 2, 4);
        Batch expected = whole.rows(2, 4);
        assertThat(share.x().data()).containsExactly(expected.x().data());
        assertThat(share.targets()).containsExactly(expected.targets());
    }

    @Test
    void aTextShorterThanOneCharacterPairPerStreamIsRefused() {
        assertThatThrownBy(() -> TextStreams.equal(counting(4), 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A text of 4 characters is too short for 4 streams: each stream needs at least 2 characters.");
    }
}
