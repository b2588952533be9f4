package dev.rnn4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Which kernels the process runs on. With {@code -Drnn4j.requireVector=true} (a CI step) the test
 * fails when the vector kernels silently fell back to the scalar ones.
 */
class KernelSelectionTest {

    @Test
    void vectorKernelsAreInUseWhenRequired() {
        assumeTrue(Boolean.getBoolean("rnn4j.requireVector"), "only checked with -Drnn4j.requireVector=true");
        assertThat(KernelProvider.vector())
                .as("the vector kernels must load (is '%s' on the java command line?)", KernelProvider.VECTOR_FLAG)
                .isPresent();
        assertThat(KernelProvider.get().name())
                .as("KernelProvider.get() must choose the vector kernels")
                .startsWith("vector");
    }

    @Test
    void defaultChoiceIsVectorExactlyWhenVectorKernelsLoad() {
        assumeTrue(System.getProperty(KernelProvider.PROPERTY) == null, "choice forced by -Drnn4j.kernels");
        boolean vectorAvailable = KernelProvider.vector().isPresent();
        assertThat(KernelProvider.get().name().startsWith("vector")).isEqualTo(vectorAvailable);
    }

    @Test
    void scalarKernelsAreTheReference() {
        assertThat(KernelProvider.scalar()).isInstanceOf(ScalarKernels.class);
        assertThat(KernelProvider.scalar().name()).isEqualTo("scalar");
    }
}
