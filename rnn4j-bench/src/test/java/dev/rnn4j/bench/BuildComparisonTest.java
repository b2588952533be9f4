package dev.rnn4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process comparison of two builds: isolation of the builds, arguments, the shape of a result (no timing). */
class BuildComparisonTest {

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @Test
    void eachBuildGetsItsOwnClasses() throws Exception {
        ClassLoader one = BuildComparison.isolatedLoader(CLASS_PATH);
        ClassLoader two = BuildComparison.isolatedLoader(CLASS_PATH);
        String network = "dev.rnn4j.nn.RecurrentNetwork";
        Class<?> a = Class.forName(network, false, one);
        Class<?> b = Class.forName(network, false, two);
        assertThat(a).isNotSameAs(b);
        assertThat(a).isNotSameAs(Class.forName(network));
        assertThat(a.getClassLoader()).isSameAs(one);
        assertThat(Class.forName(WorkloadRunner.class.getName(), false, one).getClassLoader()).isSameAs(one);
    }

    @Test
    void comparesABuildWithItself() {
        StringWriter log = new StringWriter();
        BuildComparison.Options o = BuildComparison.parse(new String[] {
                "--baseline", CLASS_PATH, "--config", "C", "--mode", "infer", "--rounds", "3", "--millis", "20"});
        BuildComparison.Result r = BuildComparison.compare(o, new PrintWriter(log));
        assertThat(r.baselineSeqPerS()).isPositive().isFinite();
        assertThat(r.candidateSeqPerS()).isPositive().isFinite();
        assertThat(r.ratioQ1()).isLessThanOrEqualTo(r.ratioMedian());
        assertThat(r.ratioMedian()).isLessThanOrEqualTo(r.ratioQ3());
        assertThat(log.toString().lines()).hasSize(3).allMatch(l -> l.matches("round \\d: baseline [0-9.]+, candidate [0-9.]+ seq/s"));
    }

    @Test
    void refusesWhatItCannotRun(@TempDir Path empty) {
        assertThatThrownBy(() -> BuildComparison.parse(new String[] {"--config", "A", "--mode", "infer"}))
                .hasMessage("--baseline, --config and --mode are required.");
        assertThatThrownBy(() -> BuildComparison.parse(new String[] {"--baseline", "x", "--config", "A", "--mode", "infer", "--threads", "0"}))
                .hasMessage("--threads and --rounds must be at least 1 and --millis positive.");
        assertThatThrownBy(() -> BuildComparison.parse(new String[] {"--baseline", "x", "--config", "A", "--mode", "infer", "--rounds", "ten"}))
                .hasMessage("--rounds needs a whole number, got 'ten'.");
        assertThatThrownBy(() -> BuildComparison.parse(new String[] {"--baseline", "x", "--config", "A", "--mode", "infer", "--millis", "1.5.2"}))
                .hasMessage("--millis needs a number, got '1.5.2'.");
        assertThatThrownBy(() -> BuildComparison.isolatedLoader(empty.toString()))
                .hasMessage("--baseline " + empty + " holds no jar files.");
        assertThatThrownBy(() -> new WorkloadRunner("S2", "stream", 1))
                .hasMessage("a build comparison runs configs A-F in mode train or infer, got S2 stream.");
    }
}
