package dev.rnn4j.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of rnn4j in one JVM, each in its own class loader, running the same workload in
 * alternation:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp "$CP" dev.rnn4j.bench.BuildComparison \
 *      --baseline DIR_OR_CLASSPATH --config A..F --mode train|infer [--threads N] [--rounds R] [--millis M]
 * </pre>
 *
 * <p>Why: on a shared virtual machine the speed of a core drifts by tens of per cent within
 * minutes, so two benchmark processes run one after the other compare the machine's moods more
 * than the builds. Here each round runs both builds back to back for {@code --millis} each (the
 * order alternating), and the verdict is the median of the per-round ratios, which a drift slower
 * than a round cancels out of. The baseline is a directory of jars (for instance a copy of an
 * older build's {@code rnn4j-cli/target/lib}) or a class path; the candidate is this JVM's own class
 * path, loaded afresh so that neither build shares a class or a JIT profile with the other.
 */
public final class BuildComparison {

    private BuildComparison() {
    }

    /** Parsed command line. */
    record Options(String baseline, String config, String mode, int threads, int rounds, double millis) {
    }

    /** Medians over the rounds: each build's sequences per second and the per-round ratio candidate/baseline. */
    record Result(double baselineSeqPerS, double candidateSeqPerS, double ratioMedian, double ratioQ1, double ratioQ3) {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("build comparison: " + e.getMessage());
            System.exit(2);
            return;
        }
        Result r = compare(o, err);
        out.printf(Locale.ROOT, "%s %s threads %d: baseline %.1f seq/s, candidate %.1f seq/s; candidate/baseline per round:"
                        + " median %.3f [quartiles %.3f, %.3f] over %d rounds%n", o.config(), o.mode(), o.threads(),
                r.baselineSeqPerS(), r.candidateSeqPerS(), r.ratioMedian(), r.ratioQ1(), r.ratioQ3(), o.rounds());
    }

    static Options parse(String[] args) {
        String baseline = null;
        String config = null;
        String mode = null;
        int threads = 1;
        int rounds = 21;
        double millis = 300;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value.");
            }
            String v = args[++i];
            switch (a) {
                case "--baseline" -> baseline = v;
                case "--config" -> config = v;
                case "--mode" -> mode = v;
                case "--threads" -> threads = (int) number(a, v);
                case "--rounds" -> rounds = (int) number(a, v);
                case "--millis" -> millis = number(a, v);
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; expected --baseline, --config, --mode, --threads, --rounds, --millis.");
            }
        }
        if (baseline == null || config == null || mode == null) {
            throw new IllegalArgumentException("--baseline, --config and --mode are required.");
        }
        if (threads < 1 || rounds < 1 || !(millis > 0)) {
            throw new IllegalArgumentException("--threads and --rounds must be at least 1 and --millis positive.");
        }
        return new Options(baseline, config, mode, threads, rounds, millis);
    }

    private static double number(String option, String value) {
        try {
            double v = Double.parseDouble(value);
            if (option.equals("--millis") || v == Math.rint(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(option + " needs " + (option.equals("--millis") ? "a number" : "a whole number")
                + ", got '" + value + "'.");
    }

    /** Runs the comparison; progress goes to {@code log}. */
    static Result compare(Options o, PrintWriter log) {
        Build[] builds = {
                Build.in(isolatedLoader(o.baseline()), o),
                Build.in(isolatedLoader(System.getProperty("java.class.path")), o),
        };
        // Warm-up: both builds compiled and their helper threads started before any round counts.
        for (int w = 0; w < 4; w++) {
            for (Build b : builds) {
                b.seqPerS(o.millis());
            }
        }
        double[] base = new double[o.rounds()];
        double[] cand = new double[o.rounds()];
        double[] ratio = new double[o.rounds()];
        for (int i = 0; i < o.rounds(); i++) {
            boolean baseFirst = i % 2 == 0;
            double first = builds[baseFirst ? 0 : 1].seqPerS(o.millis());
            double second = builds[baseFirst ? 1 : 0].seqPerS(o.millis());
            base[i] = baseFirst ? first : second;
            cand[i] = baseFirst ? second : first;
            ratio[i] = cand[i] / base[i];
            log.printf(Locale.ROOT, "round %d: baseline %.1f, candidate %.1f seq/s%n", i + 1, base[i], cand[i]);
            log.flush();
        }
        Arrays.sort(ratio);
        return new Result(median(base), median(cand), median(ratio), ratio[(ratio.length - 1) / 4],
                ratio[ratio.length - 1 - (ratio.length - 1) / 4]);
    }

    /**
     * A class loader over a class path (entries separated by the path separator) or a directory of
     * jars, whose parent is the platform loader: nothing of rnn4j comes from the application loader.
     */
    static ClassLoader isolatedLoader(String pathOrDirectory) {
        List<URL> urls = new ArrayList<>();
        File dir = new File(pathOrDirectory);
        try {
            if (dir.isDirectory() && !new File(dir, "dev").isDirectory()) {
                File[] jars = dir.listFiles((d, name) -> name.endsWith(".jar"));
                if (jars == null || jars.length == 0) {
                    throw new IllegalArgumentException("--baseline " + pathOrDirectory + " holds no jar files.");
                }
                Arrays.sort(jars);
                for (File jar : jars) {
                    urls.add(jar.toURI().toURL());
                }
            } else {
                for (String entry : pathOrDirectory.split(File.pathSeparator)) {
                    if (!entry.isEmpty()) {
                        urls.add(new File(entry).toURI().toURL());
                    }
                }
            }
            // Last, this class's own code: a baseline build older than WorkloadRunner borrows it.
            urls.add(BuildComparison.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException("bad class path entry in " + pathOrDirectory, e));
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** One build's workload, created in its own class loader, and the method that times it (looked up once). */
    private record Build(Object runner, Method sequencesPerSecond) {

        static Build in(ClassLoader loader, Options o) {
            try {
                Class<?> c = Class.forName(WorkloadRunner.class.getName(), true, loader);
                Object runner = c.getConstructor(String.class, String.class, int.class)
                        .newInstance(o.config(), o.mode(), o.threads());
                return new Build(runner, c.getMethod("sequencesPerSecond", double.class));
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the workload in " + loader + ": " + e, e);
            }
        }

        double seqPerS(double millis) {
            try {
                return (double) sequencesPerSecond.invoke(runner, millis);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static RuntimeException unwrap(InvocationTargetException e) {
            return e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
