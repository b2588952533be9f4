package dev.rnn4j.text.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairTaskTest {

    @Test
    void answersAreReversalsAndSums() {
        assertThat(PairTask.REVERSE.answer("abc")).isEqualTo("cba");
        assertThat(PairTask.ADD.answer("95+7")).isEqualTo("102");
        assertThat(PairTask.ADD.answer("0+0")).isEqualTo("0");
    }

    @Test
    void generationIsReproducibleDistinctWithinLengthsAndHonoursExclusions() {
        List<TextPair> a = PairTask.ADD.generate(300, 2, 3, 7, Set.of());
        assertThat(PairTask.ADD.generate(300, 2, 3, 7, Set.of())).isEqualTo(a);
        assertThat(new HashSet<>(a.stream().map(TextPair::source).toList())).hasSize(300);
        for (TextPair p : a) {
            String[] operands = p.source().split("\\+");
            assertThat(operands[0].length()).isEqualTo(operands[1].length()).isBetween(2, 3);
            assertThat(Long.parseLong(p.target())).isEqualTo(Long.parseLong(operands[0]) + Long.parseLong(operands[1]));
        }
        Set<String> taken = new HashSet<>(a.stream().map(TextPair::source).toList());
        assertThat(PairTask.ADD.generate(100, 2, 3, 8, taken)).noneMatch(p -> taken.contains(p.source()));
    }

    @Test
    void askingForMorePairsThanExistIsAnError() {
        assertThatThrownBy(() -> PairTask.REVERSE.generate(30, 1, 1, 1, Set.of()))
                .hasMessageContaining("Cannot draw 30 distinct reverse pairs of lengths 1..1 (only 26 found)");
    }
}
