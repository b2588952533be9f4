package dev.rnn4j.golden;

import static org.assertj.core.api.Assertions.fail;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.kernel.Kernels;
import dev.rnn4j.nn.InputGradients;
import dev.rnn4j.nn.Parameters;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every PyTorch reference case: the bundled public set, and every case listed in the
 * MANIFEST.json of the directory named by {@code -Drnn4j.golden.dir}. Each case is one test named
 * after its file and kernel implementation, checking output, h_n, c_n and every gradient.
 */
class GoldenCaseTest {

    @TestFactory
    Stream<DynamicTest> publicCases() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenCaseTest.class.getResource("/golden/public/MANIFEST.json").toURI()).getParent();
        return casesIn(dir);
    }

    @TestFactory
    Stream<DynamicTest> extraCases() throws IOException {
        String prop = System.getProperty("rnn4j.golden.dir", "").trim();
        if (prop.isEmpty()) {
            return Stream.empty();
        }
        Path dir = resolve(prop);
        if (!Files.isRegularFile(dir.resolve("MANIFEST.json"))) {
            throw new IOException("-Drnn4j.golden.dir=" + prop + " has no MANIFEST.json (looked in " + dir + ").");
        }
        return casesIn(dir);
    }

    /** Relative paths are taken from the working directory, else from the project root. */
    private static Path resolve(String prop) {
        Path p = Path.of(prop);
        if (p.isAbsolute() || Files.isDirectory(p)) {
            return p.toAbsolutePath();
        }
        String root = System.getProperty("rnn4j.root.dir", "");
        return root.isEmpty() ? p.toAbsolutePath() : Path.of(root).resolve(p).toAbsolutePath();
    }

    private static Stream<DynamicTest> casesIn(Path dir) throws IOException {
        List<Kernels> kernels = new ArrayList<>();
        kernels.add(KernelProvider.scalar());
        KernelProvider.vector().ifPresent(kernels::add);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : GoldenCase.manifest(dir)) {
            for (Kernels k : kernels) {
                String name = dir.getFileName() + "/" + file.getFileName() + " [" + k.name() + "]";
                tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> check(GoldenCase.read(file), k)));
            }
        }
        return tests.stream();
    }

    static void check(GoldenCase c, Kernels kernels) {
        RecurrentNetwork net = new RecurrentNetwork(c.config(), kernels);
        net.loadStateDict(c.params());
        RecurrentOutput out = net.forward(c.inputs().get("x"), c.lengths(), c.inputs().get("h0"), c.inputs().get("c0"));
        Parameters grads = net.newGradients();
        InputGradients in = net.backward(out, c.lossWeights().get("R"), c.lossWeights().get("Rh"),
                c.lossWeights().get("Rc"), grads);

        Map<String, Tensor> actual = new LinkedHashMap<>();
        actual.put("output", out.output());
        actual.put("h_n", out.hN());
        actual.put("c_n", out.cN());
        actual.put("grad_x", in.dx());
        actual.put("grad_h0", in.dh0());
        actual.put("grad_c0", in.dc0());
        for (String p : c.params().keySet()) {
            actual.put("grad_" + p, grads.get(p));
        }
        for (Map.Entry<String, Tensor> e : c.expected().entrySet()) {
            compare(c, e.getKey(), e.getValue(), actual.get(e.getKey()));
        }
    }

    private static void compare(GoldenCase c, String name, Tensor expected, Tensor actual) {
        if (actual == null) {
            fail("case %s: tensor %s was not produced", c.name(), name);
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            fail("case %s: tensor %s has shape %s, expected %s", c.name(), name, actual.shapeString(), expected.shapeString());
        }
        float[] e = expected.data();
        float[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double allowed = c.abs() + c.rel() * Math.abs(e[i]);
            if (!(Math.abs(a[i] - e[i]) <= allowed)) {
                fail("case %s: tensor %s is the first that differs, at flat index %d of shape %s: expected %s, got %s "
                        + "(|diff| %.3g > allowed %.3g)", c.name(), name, i, expected.shapeString(), e[i], a[i],
                        Math.abs(a[i] - e[i]), allowed);
            }
        }
    }
}
