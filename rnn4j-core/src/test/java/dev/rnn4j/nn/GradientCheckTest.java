package dev.rnn4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central finite differences against the analytic backward pass, for every cell type, uni- and
 * bidirectional, with and without lengths: every parameter, every input element and every
 * initial-state element is perturbed.
 *
 * <p>ReLU is not differentiable at 0: when a perturbation pushes a pre-activation across the kink,
 * the two one-sided differences disagree and the central difference means nothing. For ReLU cells
 * such elements are skipped, and the test requires that at most a tenth of them are.
 */
class GradientCheckTest {

    private static final double EPS = 1e-2;
    private static final double ABS = 2e-3;
    private static final double REL = 1e-2;

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (boolean bidi : new boolean[] {false, true}) {
                for (boolean lengths : new boolean[] {false, true}) {
                    out.add(Arguments.of(cell, bidi, lengths));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} bidirectional={1} lengths={2}")
    @MethodSource("configs")
    void analyticGradientsMatchFiniteDifferences(CellType cell, boolean bidi, boolean withLengths) {
        RecurrentConfig config = new RecurrentConfig(cell, 3, 4, 2, bidi, true);
        SplittableRandom r = new SplittableRandom(cell.ordinal() * 31L + (bidi ? 7 : 0) + (withLengths ? 3 : 0));
        RecurrentNetwork net = new RecurrentNetwork(config, KernelProvider.scalar());
        float[] w = net.parameters().values();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-0.6, 0.6);
        }
        int batch = 3;
        int time = 5;
        int[] lengths = withLengths ? new int[] {5, 2, 4} : null;
        Tensor x = Fixtures.random(r, 1.0, batch, time, 3);
        Tensor h0 = Fixtures.random(r, 0.5, config.stateSlices(), batch, 4);
        Tensor c0 = cell.hasCellState() ? Fixtures.random(r, 0.5, config.stateSlices(), batch, 4) : null;
        Tensor rOut = Fixtures.random(r, 1.0, batch, time, config.outputSize());
        Tensor rh = Fixtures.random(r, 1.0, config.stateSlices(), batch, 4);
        Tensor rc = Fixtures.random(r, 1.0, config.stateSlices(), batch, 4);

        RecurrentOutput out = net.forward(x, lengths, h0, c0);
        Parameters grads = net.newGradients();
        InputGradients in = net.backward(out, rOut, rh, cell.hasCellState() ? rc : null, grads);
        DoubleSupplier loss = () -> Fixtures.loss(net.forward(x, lengths, h0, c0), rOut, rh, rc);

        boolean kinks = cell == CellType.RNN_RELU;
        int checked = check("parameters", w, grads.values(), loss, kinks)
                + check("x", x.data(), in.dx().data(), loss, kinks)
                + check("h0", h0.data(), in.dh0().data(), loss, kinks);
        int total = w.length + x.size() + h0.size();
        if (c0 != null) {
            checked += check("c0", c0.data(), in.dc0().data(), loss, kinks);
            total += c0.size();
        }
        assertThat(checked).as("elements checked (the rest sit on a ReLU kink)").isGreaterThanOrEqualTo(total * 9 / 10);
    }

    /** Returns how many elements were compared (all of them unless {@code skipKinks}). */
    private static int check(String what, float[] values, float[] analytic, DoubleSupplier loss, boolean skipKinks) {
        int checked = 0;
        double base = loss.getAsDouble();
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + EPS);
            double plus = loss.getAsDouble();
            values[i] = (float) (saved - EPS);
            double minus = loss.getAsDouble();
            values[i] = saved;
            double numeric = (plus - minus) / (2 * EPS);
            double right = (plus - base) / EPS;
            double left = (base - minus) / EPS;
            if (skipKinks && Math.abs(right - left) > ABS + REL * Math.abs(numeric)) {
                continue;
            }
            checked++;
            assertThat((double) analytic[i])
                    .as("d loss / d %s[%d]: analytic %s, finite difference %s", what, i, analytic[i], numeric)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(ABS + REL * Math.abs(numeric)));
        }
        return checked;
    }
}
