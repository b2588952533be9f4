package dev.rnn4j.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class Int8MatrixTest {

    @Test
    void eachWeightIsWithinHalfAStepOfItsRowScale() {
        SplittableRandom r = new SplittableRandom(3);
        int rows = 37;
        int cols = 29;
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextDouble(-1, 1) * (1 + i / cols)); // rows of very different spread
        }
        Int8Matrix m = Int8Matrix.quantize(w, 0, rows, cols);
        for (int row = 0; row < rows; row++) {
            float max = 0;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, Math.abs(w[row * cols + c]));
            }
            for (int c = 0; c < cols; c++) {
                assertThat(m.get(row, c)).isCloseTo(w[row * cols + c], Offset.offset(max / 127f / 2 * 1.0001f));
            }
        }
        assertThat(m.storedBytes()).isEqualTo(rows * cols + 4L * rows);
    }

    @Test
    void multiplyAddMatchesTheDequantisedProduct() {
        SplittableRandom r = new SplittableRandom(4);
        int rows = 12;
        int cols = 9;
        float[] w = new float[rows * cols + 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-2, 2);
        }
        Int8Matrix m = Int8Matrix.quantize(w, 3, rows, cols);
        float[] x = new float[cols + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        float[] y = new float[rows];
        java.util.Arrays.fill(y, 0.5f);
        m.multiplyAdd(x, 1, y, 0);
        for (int row = 0; row < rows; row++) {
            double expected = 0.5;
            double exact = 0.5;
            for (int c = 0; c < cols; c++) {
                expected += (double) m.get(row, c) * x[1 + c];
                exact += (double) w[3 + row * cols + c] * x[1 + c];
            }
            assertThat((double) y[row]).isCloseTo(expected, Offset.offset(1e-5));
            assertThat((double) y[row]).as("quantisation error stays small").isCloseTo(exact, Offset.offset(0.05));
        }
    }

    @Test
    void zeroRowsAndBadInput() {
        Int8Matrix m = Int8Matrix.quantize(new float[] {0, 0, 1, -1}, 0, 2, 2);
        assertThat(m.get(0, 0)).isZero();
        assertThat(m.get(1, 1)).isEqualTo(-1f);
        assertThatThrownBy(() -> Int8Matrix.quantize(new float[] {Float.NaN}, 0, 1, 1)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Int8Matrix.of(2, 2, new byte[3], new float[2])).hasMessageContaining("needs 4 values");
    }
}
