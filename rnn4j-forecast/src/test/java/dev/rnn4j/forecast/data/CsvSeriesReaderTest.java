package dev.rnn4j.forecast.data;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSeriesReaderTest {

    private static SeriesSet read(String csv, CsvSpec spec) throws Exception {
        return CsvSeriesReader.read(new StringReader(csv), "sales.csv", spec);
    }

    @Test
    void readsOneTargetWithDatesAndInfersMonthly() throws Exception {
        SeriesSet s = read("date,units,price\n2024-01-31,10,1.5\n2024-02-29,12,1.5\n2024-03-31,9,1.6\n2024-04-30,11,1.6\n",
                CsvSpec.target("units", "date").withCovariates(List.of("price")));
        TimeSeries t = s.series().get(0);
        assertThat(t.id()).isEqualTo("units");
        assertThat(t.values()).containsExactly(10, 12, 9, 11);
        assertThat(t.frequency()).isEqualTo(12);
        assertThat(t.covariates()).singleElement().satisfies(c -> assertThat(c.values()).containsExactly(1.5, 1.5, 1.6, 1.6));
        assertThat(t.origin()).isEqualTo(new Origin("sales.csv", "units", 2, 5));
    }

    @Test
    void longFormatGroupsRowsBySeriesKeepingFirstSeenOrder() throws Exception {
        SeriesSet s = read("store,day,units\nb,2024-01-01,1\na,2024-01-01,5\nb,2024-01-02,2\na,2024-01-02,6\nb,2024-01-03,3\n",
                CsvSpec.target("units", "day").withSeriesColumn("store"));
        assertThat(s.series()).extracting(TimeSeries::id).containsExactly("b", "a");
        assertThat(s.series().get(0).values()).containsExactly(1, 2, 3);
        assertThat(s.series().get(1).values()).containsExactly(5, 6);
        assertThat(s.series().get(0).frequency()).isEqualTo(7);
    }

    @Test
    void withoutTargetsEveryNumericColumnIsASeries() throws Exception {
        SeriesSet s = read("t,a,b,name\n1,1,2,x\n2,3,4,y\n3,5,6,z\n", new CsvSpec(List.of(), "t", null, List.of(), 0, null));
        assertThat(s.series()).extracting(TimeSeries::id).containsExactly("a", "b");
    }

    @Test
    void missingColumnNamesFileLineAndColumn() {
        assertThatThrownBy(() -> read("date,units\n2024-01-01,1\n", CsvSpec.target("sales", "date")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("sales.csv line 1, column 'sales': no such target column; the header has date, units.");
    }

    @Test
    void textInANumericColumnNamesLineAndColumn() {
        assertThatThrownBy(() -> read("date,units\n2024-01-01,1\n2024-01-02,lots\n", CsvSpec.target("units", "date")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("sales.csv line 3, column 'units': expected a number, found 'lots'.");
    }

    @Test
    void nanIsRefusedByDefaultNamingLineAndColumn() {
        assertThatThrownBy(() -> read("date,units\n2024-01-01,1\n2024-01-02,2\n2024-01-03,NaN\n",
                CsvSpec.target("units", "date")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("sales.csv line 4, column 'units': missing value (empty or NaN)")
                .hasMessageContaining("fill policy");
    }

    @Test
    void emptyCellIsAMissingValueToo() {
        assertThatThrownBy(() -> read("date,units\n2024-01-01,\n", CsvSpec.target("units", "date")))
                .hasMessageStartingWith("sales.csv line 2, column 'units': missing value");
    }

    @Test
    void fillPoliciesFillGaps() throws Exception {
        String csv = "t,v\n1,\n2,2\n3,NaN\n4,NaN\n5,8\n6,NA\n";
        assertThat(read(csv, CsvSpec.target("v", "t").withFill(FillPolicy.PREVIOUS)).series().get(0).values())
                .containsExactly(2, 2, 2, 2, 8, 8);
        assertThat(read(csv, CsvSpec.target("v", "t").withFill(FillPolicy.LINEAR)).series().get(0).values())
                .containsExactly(2, 2, 4, 6, 8, 8);
        assertThat(read(csv, CsvSpec.target("v", "t").withFill(FillPolicy.ZERO)).series().get(0).values())
                .containsExactly(0, 2, 0, 0, 8, 0);
    }

    @Test
    void rowsOutOfTimeOrderAreRefused() {
        assertThatThrownBy(() -> read("date,units\n2024-01-02,1\n2024-01-01,2\n", CsvSpec.target("units", "date")))
                .hasMessageStartingWith("sales.csv line 3, column 'date': time '2024-01-01' is not after the previous "
                        + "row's '2024-01-02'");
    }

    @Test
    void unreadableTimeIsRefused() {
        assertThatThrownBy(() -> read("date,units\nyesterday,1\n", CsvSpec.target("units", "date")))
                .hasMessageStartingWith("sales.csv line 2, column 'date': expected a time");
    }

    @Test
    void shortRowIsRefused() {
        assertThatThrownBy(() -> read("date,units\n2024-01-01\n", CsvSpec.target("units", "date")))
                .hasMessage("sales.csv line 2: expected 2 fields as in the header, found 1.");
    }

    @Test
    void headerOnlyIsRefused() {
        assertThatThrownBy(() -> read("date,units\n", CsvSpec.target("units", "date")))
                .hasMessage("sales.csv line 2: the file has a header but no data rows.");
    }

    @Test
    void missingFileIsACheckedException(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> CsvSeriesReader.read(dir.resolve("none.csv"), CsvSpec.target("v", null)))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readsFromAFileByName(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x.csv"), "v\n1\n2\n3\n");
        SeriesSet s = CsvSeriesReader.read(f, CsvSpec.target("v", null));
        assertThat(s.source()).isEqualTo("x.csv");
        assertThat(s.series().get(0).frequency()).isEqualTo(1);
    }

    @Test
    void inferFrequencyFromCommonSpacings() {
        assertThat(TimeAxis.inferFrequency(List.of("1949", "1949.083333", "1949.166667"))).isEqualTo(12);
        assertThat(TimeAxis.inferFrequency(List.of("2020-01", "2020-04", "2020-07", "2020-10"))).isEqualTo(4);
        assertThat(TimeAxis.inferFrequency(List.of("2020-01-01T00:00", "2020-01-01T01:00", "2020-01-01T02:00")))
                .isEqualTo(24);
        assertThat(TimeAxis.inferFrequency(List.of("1990", "1991", "1992"))).isEqualTo(1);
        assertThat(TimeAxis.inferFrequency(List.of("19580329", "19580405", "19580412"))).isEqualTo(52);
    }

    @Test
    void readsCommonUnambiguousDateShapes() {
        double day = 86_400;
        double jan1995 = java.time.LocalDate.of(1995, 1, 1).toEpochDay() * day;
        assertThat(TimeAxis.parse("Jan-1-1995")).isEqualTo(jan1995);
        assertThat(TimeAxis.parse("1995/1/1")).isEqualTo(jan1995);
        assertThat(TimeAxis.parse("19950101")).isEqualTo(jan1995);
        assertThat(TimeAxis.parse("1 Jan 1995")).isEqualTo(jan1995);
        assertThat(TimeAxis.parse("1995-01")).isEqualTo(jan1995);
        assertThat(TimeAxis.parse("12345678")).as("not a date: a number").isEqualTo(12345678);
        assertThat(TimeAxis.parse("01/02/1995")).as("day/month order is ambiguous").isNaN();
    }
}
