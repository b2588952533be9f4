package dev.rnn4j.kernel;

/**
 * The right-hand operand of a matrix product, prepared once and reused for many products.
 *
 * <p>A recurrent layer multiplies by the same recurrent weights at every timestep, so it packs them
 * once per forward or backward pass ({@link Kernels#pack}) and calls {@link Kernels#gemmPacked} at
 * each step. What "packed" means is up to the implementation: the scalar reference keeps a view of
 * the original array, a vector implementation copies the operand into panels that its micro-kernel
 * streams through. A packed matrix belongs to the {@link Kernels} instance that made it and is
 * invalid once the source array changes.
 */
public interface PackedMatrix {
    /** Rows of op(B), the reduction dimension k of the product. */
    int k();

    /** Columns of op(B), the n dimension of the product. */
    int n();
}
