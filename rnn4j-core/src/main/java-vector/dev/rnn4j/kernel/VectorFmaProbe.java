package dev.rnn4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Benchmark support, not API: the machine's measured vector FMA throughput, the yardstick for
 * "percent of peak" figures. Sixteen independent accumulator chains (more than FMA latency times
 * FMA ports on current x86 and ARM cores) each do one fused multiply-add per iteration, with no
 * loads or stores, so the loop runs at the core's FMA issue rate.
 */
public final class VectorFmaProbe {

    private static final VectorSpecies<Float> S = VectorConstants.FLOATS;

    private VectorFmaProbe() {
    }

    /** Floating-point operations of one iteration of {@link #run}: 16 chains x lanes x 2 (multiply and add). */
    public static long flopsPerIteration() {
        return 16L * S.length() * 2;
    }

    /** Runs {@code iterations} iterations and returns a value that depends on all of them. */
    public static float run(long iterations, float seed) {
        FloatVector m = FloatVector.broadcast(S, 0.999999f);
        FloatVector a = FloatVector.broadcast(S, 1e-6f);
        FloatVector c0 = FloatVector.broadcast(S, seed);
        FloatVector c1 = c0.add(1f);
        FloatVector c2 = c0.add(2f);
        FloatVector c3 = c0.add(3f);
        FloatVector c4 = c0.add(4f);
        FloatVector c5 = c0.add(5f);
        FloatVector c6 = c0.add(6f);
        FloatVector c7 = c0.add(7f);
        FloatVector c8 = c0.add(8f);
        FloatVector c9 = c0.add(9f);
        FloatVector c10 = c0.add(10f);
        FloatVector c11 = c0.add(11f);
        FloatVector c12 = c0.add(12f);
        FloatVector c13 = c0.add(13f);
        FloatVector c14 = c0.add(14f);
        FloatVector c15 = c0.add(15f);
        for (long i = 0; i < iterations; i++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
            c12 = c12.fma(m, a);
            c13 = c13.fma(m, a);
            c14 = c14.fma(m, a);
            c15 = c15.fma(m, a);
        }
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
                .add(c8).add(c9).add(c10).add(c11).add(c12).add(c13).add(c14).add(c15);
        return sum.lane(0);
    }
}
