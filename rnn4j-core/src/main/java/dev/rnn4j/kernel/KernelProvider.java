package dev.rnn4j.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link Kernels} implementation once per JVM.
 *
 * <p>The Vector API implementation is loaded by name, never linked statically, so rnn4j runs on a
 * JVM where {@code jdk.incubator.vector} is absent: it then falls back to {@link ScalarKernels} and
 * logs one warning naming the flag to add. The system property {@value #PROPERTY} forces a choice:
 * {@code scalar} always uses the reference kernels, {@code vector} fails instead of falling back,
 * {@code auto} (the default) prefers vector when available.
 */
public final class KernelProvider {

    /** System property that forces the implementation: {@code auto}, {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "rnn4j.kernels";

    /** The flag a user adds to the {@code java} command line to enable the vector kernels. */
    public static final String VECTOR_FLAG = "--add-modules jdk.incubator.vector";

    static final String VECTOR_CLASS = "dev.rnn4j.kernel.VectorKernels";

    private static final Logger LOG = LoggerFactory.getLogger(KernelProvider.class);

    private KernelProvider() {
    }

    /** The process-wide kernels, chosen on first use. */
    public static Kernels get() {
        return Holder.INSTANCE;
    }

    /** The plain-Java reference kernels. */
    public static Kernels scalar() {
        return Holder.SCALAR;
    }

    /** The vector kernels if this JVM can run them, without logging; empty otherwise. */
    public static Optional<Kernels> vector() {
        try {
            return Optional.of(loadVector());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Holder idiom: the choice is made (and logged) once, on first use, without locking. */
    private static final class Holder {
        static final Kernels SCALAR = new ScalarKernels();
        static final Kernels INSTANCE = choose();
    }

    private static Kernels choose() {
        String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "scalar" -> {
                LOG.info("rnn4j kernels: scalar (forced by -D{}=scalar)", PROPERTY);
                return Holder.SCALAR;
            }
            case "auto", "vector" -> {
                Fallback problem = vectorProblem();
                if (problem == null) {
                    try {
                        Kernels k = loadVector();
                        LOG.info("rnn4j kernels: {}", k.name());
                        return k;
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        problem = new Fallback("the vector kernels refused to start (" + e.getMessage() + ")",
                                "the scalar kernels are correct but slow on this JVM or CPU");
                    }
                }
                if (wanted.equals("vector")) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector was given but " + problem.reason()
                            + "; " + problem.remedy() + ".");
                }
                LOG.warn("rnn4j kernels: scalar, because {}; {}.", problem.reason(), problem.remedy());
                return Holder.SCALAR;
            }
            default -> throw new IllegalArgumentException(
                    "-D" + PROPERTY + " must be auto, scalar or vector, got '" + wanted + "'.");
        }
    }

    /** Why the vector kernels cannot run, and what the user can do about it. */
    private record Fallback(String reason, String remedy) {
    }

    /** Why the vector kernels cannot run here, or null if they can. */
    private static Fallback vectorProblem() {
        Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (module.isEmpty()) {
            // The only case the command-line flag fixes.
            return new Fallback("the module jdk.incubator.vector is not readable",
                    "for fast kernels add '" + VECTOR_FLAG + "' to the java command line");
        }
        try {
            Class.forName(VECTOR_CLASS, false, KernelProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return new Fallback("this build of rnn4j-core has no vector kernels (" + VECTOR_CLASS + " is missing)",
                    "use an rnn4j-core jar built with its java-vector source root");
        }
        return null;
    }

    private static Kernels loadVector() throws ReflectiveOperationException {
        Class<?> cls = MethodHandles.lookup().findClass(VECTOR_CLASS);
        try {
            return (Kernels) MethodHandles.lookup()
                    .findConstructor(cls, MethodType.methodType(void.class))
                    .invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
