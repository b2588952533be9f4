package dev.rnn4j.forecast.data;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompetitionReaderTest {

    private static final String HEADER = "\"series_id\",\"st\",\"period\",\"category\",\"frequency\",\"start\",\"n\",\"h\",\"description\",\"train\",\"test\"\n";

    @Test
    void readsTrainTestPeriodAndFrequency() throws Exception {
        List<CompetitionSeries> s = CompetitionReader.read(new StringReader(HEADER
                + "\"N1402\",\"M1\",\"MONTHLY\",\"MICRO\",12,\"1990-1\",4,2,\"x\",\"1 2 3.5 4\",\"5 6\"\n"), "m3_monthly.csv");
        assertThat(s).singleElement().satisfies(c -> {
            assertThat(c.train().id()).isEqualTo("N1402");
            assertThat(c.train().frequency()).isEqualTo(12);
            assertThat(c.train().values()).containsExactly(1, 2, 3.5, 4);
            assertThat(c.test()).containsExactly(5, 6);
            assertThat(c.period()).isEqualTo("MONTHLY");
        });
    }

    @Test
    void declaredLengthMustMatch() {
        assertThatThrownBy(() -> CompetitionReader.read(new StringReader(HEADER
                + "\"N1\",\"Y1\",\"YEARLY\",\"MICRO\",1,\"1975-1\",3,2,\"x\",\"1 2\",\"5 6\"\n"), "m3_yearly.csv"))
                .hasMessage("m3_yearly.csv line 2, column 'train': series N1 declares n=3 but has 2 values.");
    }

    @Test
    void textValueIsRefused() {
        assertThatThrownBy(() -> CompetitionReader.read(new StringReader(HEADER
                + "\"N1\",\"Y1\",\"YEARLY\",\"MICRO\",1,\"1975-1\",2,2,\"x\",\"1 2\",\"5 x\"\n"), "m3_yearly.csv"))
                .hasMessage("m3_yearly.csv line 2, column 'test': value 2 should be a number, found 'x'.");
    }

    @Test
    void missingColumnIsRefused() {
        assertThatThrownBy(() -> CompetitionReader.read(new StringReader("series_id,train\n"), "x.csv"))
                .hasMessageStartingWith("x.csv line 1, column 'period': missing column");
    }
}
