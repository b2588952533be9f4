package dev.rnn4j.text.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairFileTest {

    @TempDir
    Path dir;

    @Test
    void readsPairsSkippingBlankLinesAndKeepsTheirLine() throws Exception {
        Path f = dir.resolve("p.tsv");
        Files.writeString(f, "ab\tba\n\nxyz\t\n");
        List<TextPair> pairs = PairFile.read(f);
        assertThat(pairs).containsExactly(new TextPair("ab", "ba", f + ":1"), new TextPair("xyz", "", f + ":3"));
    }

    @Test
    void malformedLinesNameFileAndLine() throws Exception {
        Path noTab = dir.resolve("a.tsv");
        Files.writeString(noTab, "ab\tba\nabc\n");
        assertThatThrownBy(() -> PairFile.read(noTab)).hasMessage(noTab + ":2: expected source<TAB>target, got a line with no tab.");
        Path twoTabs = dir.resolve("b.tsv");
        Files.writeString(twoTabs, "a\tb\tc\n");
        assertThatThrownBy(() -> PairFile.read(twoTabs)).hasMessage(twoTabs + ":1: expected source<TAB>target, got more than one tab.");
        Path emptySource = dir.resolve("c.tsv");
        Files.writeString(emptySource, "\tb\n");
        assertThatThrownBy(() -> PairFile.read(emptySource)).hasMessageStartingWith(emptySource + ":1: the source is empty");
        Path empty = dir.resolve("d.tsv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> PairFile.read(empty)).hasMessage(empty + ": expected source<TAB>target lines, got an empty file.");
    }

    @Test
    void sourcesOnlyAcceptsLinesWithoutTargets() throws Exception {
        Path f = dir.resolve("s.txt");
        Files.writeString(f, "abc\nde\tx\n");
        assertThat(PairFile.read(f, true)).extracting(TextPair::source).containsExactly("abc", "de");
    }
}
