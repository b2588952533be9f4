package dev.rnn4j.tensor;

import java.util.Arrays;

/**
 * A dense float32 array with a shape, row-major (the last index varies fastest), as PyTorch stores
 * a contiguous tensor. Batches of sequences are {@code [batch, time, features]}; states are
 * {@code [layers * directions, batch, hidden]}.
 *
 * <p>A tensor wraps its array without copying: {@link #data()} is the live storage, so a caller can
 * fill or read it without allocation. The shape is fixed.
 */
public final class Tensor {

    private final int[] shape;
    private final float[] data;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** Wraps {@code data} (not copied) with the given shape; the sizes must agree. */
    public static Tensor of(float[] data, int... shape) {
        long size = checkedSize(shape);
        if (data.length != size) {
            throw new IllegalArgumentException("A tensor of shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length + ".");
        }
        return new Tensor(data, shape.clone());
    }

    /** A new tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[(int) checkedSize(shape)], shape.clone());
    }

    private static long checkedSize(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Tensor dimensions must be >= 0, got " + Arrays.toString(shape) + ".");
            }
            size *= d;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("Tensor of shape " + Arrays.toString(shape) + " is too large for one array.");
            }
        }
        return size;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The live backing array (row-major). */
    public float[] data() {
        return data;
    }

    /** The element at the given indices. */
    public float get(int... index) {
        return data[offset(index)];
    }

    /** Sets the element at the given indices. */
    public void set(float value, int... index) {
        data[offset(index)] = value;
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("Expected " + shape.length + " indices for shape " + Arrays.toString(shape)
                    + ", got " + index.length + ".");
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("Index " + Arrays.toString(index) + " is outside shape "
                        + Arrays.toString(shape) + ".");
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** Whether the shapes are equal to {@code expected}. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The shape as text, e.g. {@code [2, 5, 3]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
