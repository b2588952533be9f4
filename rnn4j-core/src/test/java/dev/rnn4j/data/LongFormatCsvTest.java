package dev.rnn4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongFormatCsvTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    private DataFormatException failure(String text) throws IOException {
        Path f = write(text);
        return catchThrowableOfType(DataFormatException.class, () -> LongFormatCsv.read(f, true));
    }

    @Test
    void readsInstancesWithTheirSplitLabelAndSteps() throws IOException {
        Path f = write("instance,split,label,t,d1,d2\n"
                + "a,train,x,0,1,2\na,train,x,1,3,4\n"
                + "b,test,y,0,5,6\n");
        List<LabeledInstance> all = LongFormatCsv.read(f, true);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).id()).isEqualTo("a");
        assertThat(all.get(0).length()).isEqualTo(2);
        assertThat(all.get(0).values()).containsExactly(1, 2, 3, 4);
        assertThat(all.get(1).split()).isEqualTo("test");
        assertThat(all.get(1).label()).isEqualTo("y");
    }

    @Test
    void aMissingLabelColumnNamesTheHeaderLine() throws IOException {
        DataFormatException e = failure("instance,split,t,d1\na,train,0,1\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo("label");
        assertThat(e.getMessage()).contains("data.csv, line 1, column label").contains("no 'label' column");
    }

    @Test
    void aMissingLabelColumnIsAllowedForPrediction() throws IOException {
        Path f = write("instance,split,t,d1\na,new,0,1\na,new,1,2\n");
        assertThat(LongFormatCsv.read(f, false).get(0).label()).isNull();
    }

    @Test
    void anInstanceWithNoRowsIsNamed() throws IOException {
        DataFormatException e = failure("instance,split,label,t,d1\na,train,x,0,1\nb,train,y,,\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3", "column t", "instance 'b' has no rows");
    }

    @Test
    void aNonNumericFeatureNamesLineAndColumn() throws IOException {
        DataFormatException e = failure("instance,split,label,t,d1,d2\na,train,x,0,1,2\na,train,x,1,3,abc\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("d2");
        assertThat(e.getMessage()).endsWith("data.csv, line 3, column d2: expected a number, got 'abc'.")
                .contains("expected a number, got 'abc'");
    }

    @Test
    void aNanFeatureNamesLineAndColumn() throws IOException {
        DataFormatException e = failure("instance,split,label,t,d1,d2\na,train,x,0,NaN,2\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("d1");
        assertThat(e.getMessage()).contains("expected a finite number, got NaN");
    }

    @Test
    void aGapInTheTimeIndexIsNamed() throws IOException {
        DataFormatException e = failure("instance,split,label,t,d1\na,train,x,0,1\na,train,x,2,1\n");
        assertThat(e.getMessage()).contains("line 3", "column t", "expected t=1", "got 2");
    }

    @Test
    void aLabelThatChangesWithinAnInstanceIsNamed() throws IOException {
        DataFormatException e = failure("instance,split,label,t,d1\na,train,x,0,1\na,train,z,1,1\n");
        assertThat(e.getMessage()).contains("line 3", "column label", "'x'", "'z'");
    }

    @Test
    void rowsOfAnInstanceMustBeConsecutive() throws IOException {
        DataFormatException e = failure("instance,split,label,t,d1\na,train,x,0,1\nb,train,x,0,1\na,train,x,1,1\n");
        assertThat(e.getMessage()).contains("line 4", "consecutive");
    }

    @Test
    void symbolSequencesAreReadAndOneHotEncoded() throws IOException {
        Path f = dir.resolve("dna.csv");
        Files.writeString(f, "id,statlog_split,class,sequence\n1,train,EI,ACGT\n2,test,N,TTAA\n");
        List<LabeledInstance> all = SymbolSequenceCsv.read(f, true);
        assertThat(all).extracting(LabeledInstance::label).containsExactly("EI", "N");
        SymbolEncoding enc = SymbolEncoding.fit(all);
        assertThat(enc.alphabet()).isEqualTo("ACGT");
        assertThat(enc.encode(all.get(0), f)).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        Files.writeString(f, "id,statlog_split,class,sequence\n1,train,EI,ACGN\n");
        LabeledInstance withN = SymbolSequenceCsv.read(f, true).get(0);
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> enc.encode(withN, f));
        assertThat(e.getMessage()).contains("line 2", "column sequence", "'N'", "position 4");
    }
}
