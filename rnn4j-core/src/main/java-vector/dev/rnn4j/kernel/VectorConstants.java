package dev.rnn4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API constants, kept out of {@link VectorKernels} so that nothing touches the Vector API
 * before the constructor of VectorKernels has checked that it can run (Lucene's pattern).
 */
final class VectorConstants {

    private VectorConstants() {
    }

    /** The widest float species the CPU runs natively (16 lanes with AVX-512, 8 with AVX2). */
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    /** Lanes per vector. */
    static final int LANES = FLOATS.length();
}
