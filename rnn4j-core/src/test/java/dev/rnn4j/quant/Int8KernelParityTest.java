package dev.rnn4j.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Int8KernelParityTest {

    /** The vector kernel sums in another order than the scalar reference, so agreement is to float rounding. */
    @ParameterizedTest
    @CsvSource({"1,1", "2,7", "3,16", "5,33", "20,9", "80,5", "512,128", "384,32", "7,100"})
    void vectorMatchesTheScalarReference(int rows, int cols) {
        // The build runs tests with jdk.incubator.vector, so the vector kernel must load here.
        assertThat(KernelProvider.vector()).as("the vector float kernels load, so the int8 one must too").isPresent();
        Int8Kernel vector = Int8Kernel.vector().orElseThrow();
        SplittableRandom r = new SplittableRandom(rows * 31L + cols);
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        Int8Matrix m = Int8Matrix.quantize(w, 0, rows, cols);
        float[] x = new float[cols + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] expected = new float[rows + 2];
        float[] actual = new float[rows + 2];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = actual[i] = i * 0.5f;
        }
        m.multiplyAdd(Int8Kernel.scalar(), x, 3, expected, 2);
        m.multiplyAdd(vector, x, 3, actual, 2);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("y[%d]", i).isCloseTo(expected[i], within(1e-5f * (1 + cols) * (1 + Math.abs(expected[i]))));
        }
        assertThat(actual[0]).isEqualTo(0f); // outside the written range: untouched
        assertThat(actual[1]).isEqualTo(0.5f);
    }
}
