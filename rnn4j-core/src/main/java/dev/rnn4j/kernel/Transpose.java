package dev.rnn4j.kernel;

/** Whether a matrix operand of a product is used as stored or transposed (BLAS's 'N' / 'T'). */
public enum Transpose {
    /** Use the operand as stored (row-major). */
    NO,
    /** Use the transpose of the operand, without materialising it. */
    YES
}
