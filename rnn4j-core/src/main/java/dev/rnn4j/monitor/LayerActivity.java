package dev.rnn4j.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.data.Batch;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.LayerSpec;
import dev.rnn4j.model.ModelPass;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * What a model's recurrent layers do on some data: the norm of each layer's output at every valid
 * step (both directions together for a bidirectional layer) and the share of saturated gates. At
 * training time this becomes the model card's drift reference ({@link #profiles}, {@link #toJson});
 * at inference the same measurement feeds a {@link DriftMonitor}, so reference and live numbers
 * are the same quantity.
 */
public final class LayerActivity {

    /** A gate counts as saturated within this distance of its bound (see {@link RecurrentOutput#saturatedGates}). */
    public static final double SATURATION_MARGIN = 0.05;
    private static final int BATCH = 64;

    private final double[][] norms;
    private final double[] saturation;

    private LayerActivity(double[][] norms, double[] saturation) {
        this.norms = norms;
        this.saturation = saturation;
    }

    /**
     * Runs {@code model} over {@code data} (no dropout) and keeps, per layer, every valid step's
     * output norm, in order (sequence after sequence, step after step), and the saturation rate.
     */
    public static LayerActivity measure(SequenceModel model, List<Sequence> data) {
        int layers = model.config().layers().size();
        List<List<Double>> norms = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            norms.add(new ArrayList<>());
        }
        double[] saturation = run(model, data, (n, l) -> norms.get(l).add(n));
        double[][] n = new double[layers][];
        for (int l = 0; l < layers; l++) {
            n[l] = norms.get(l).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new LayerActivity(n, saturation);
    }

    /**
     * Runs {@code model} over {@code data} and tells {@code perStep} each (norm, layer) in the order
     * a stream sees them: sequence after sequence, step after step, layer after layer. Keeps
     * nothing per step (memory does not grow with the data); returns each layer's saturation rate.
     */
    public static double[] run(SequenceModel model, List<Sequence> data, ObjIntConsumer<Double> perStep) {
        int layers = model.config().layers().size();
        long[] saturated = new long[layers];
        long[] gates = new long[layers];
        for (int from = 0; from < data.size(); from += BATCH) {
            Batch b = Batch.of(data.subList(from, Math.min(data.size(), from + BATCH)), false);
            ModelPass pass = model.forward(b.x(), b.lengths(), null, null, null);
            for (int l = 0; l < layers; l++) {
                RecurrentOutput out = pass.layer(l);
                LayerSpec spec = model.config().layers().get(l);
                long[] s = out.saturatedGates(spec.cell(), SATURATION_MARGIN);
                saturated[l] += s[0];
                gates[l] += s[1];
            }
            // sequence by sequence, step by step, every layer at each step: the order a stream would see
            for (int row = 0; row < b.size(); row++) {
                for (int t = 0; t < b.length(row); t++) {
                    for (int l = 0; l < layers; l++) {
                        perStep.accept(stepNorm(pass.layer(l).output(), row, t), l);
                    }
                }
            }
        }
        double[] sat = new double[layers];
        for (int l = 0; l < layers; l++) {
            sat[l] = gates[l] == 0 ? 0 : (double) saturated[l] / gates[l];
        }
        return sat;
    }

    private static double stepNorm(Tensor output, int row, int t) {
        int width = output.dim(2);
        int base = (row * output.dim(1) + t) * width;
        float[] d = output.data();
        double sq = 0;
        for (int j = base; j < base + width; j++) {
            sq += (double) d[j] * d[j];
        }
        return Math.sqrt(sq);
    }

    public int layers() {
        return norms.length;
    }

    /** Every recorded output norm of {@code layer}, in order. */
    public double[] norms(int layer) {
        return norms[layer].clone();
    }

    /** The share of {@code layer}'s gate activations within {@link #SATURATION_MARGIN} of their bounds. */
    public double saturationRate(int layer) {
        return saturation[layer];
    }

    /** One reference profile per layer (needs at least {@value NormProfile#BINS} steps). */
    public NormProfile[] profiles() {
        NormProfile[] p = new NormProfile[norms.length];
        for (int l = 0; l < p.length; l++) {
            p[l] = NormProfile.fit(norms[l], saturation[l]);
        }
        return p;
    }

    /**
     * The model card's drift section: {@code measured_on} (what data), {@code saturation_margin},
     * and per layer the mean, std, deciles, saturation rate and count of its output norms.
     */
    public static ObjectNode toJson(NormProfile[] profiles, String measuredOn, ObjectMapper json) {
        ObjectNode drift = json.createObjectNode();
        drift.put("measured_on", measuredOn);
        drift.put("statistic", "L2 norm of each layer's output at every valid step");
        drift.put("saturation_margin", SATURATION_MARGIN);
        ArrayNode layers = drift.putArray("layers");
        for (NormProfile p : profiles) {
            ObjectNode n = layers.addObject();
            n.put("mean", p.mean());
            n.put("std", p.std());
            ArrayNode d = n.putArray("deciles");
            for (double v : p.deciles()) {
                d.add(v);
            }
            n.put("saturation_rate", p.saturationRate());
            n.put("count", p.count());
        }
        return drift;
    }

    /** The profiles in a model card's drift section ({@link #toJson}); a bad field is named. */
    public static NormProfile[] fromJson(JsonNode drift) {
        JsonNode layers = drift == null ? null : drift.get("layers");
        if (layers == null || !layers.isArray() || layers.isEmpty()) {
            throw new IllegalArgumentException("the model card's drift.layers must be a non-empty array of layer profiles, got "
                    + (layers == null ? "nothing" : layers.toString()) + ".");
        }
        NormProfile[] p = new NormProfile[layers.size()];
        for (int l = 0; l < p.length; l++) {
            JsonNode n = layers.get(l);
            String where = "drift.layers[" + l + "]";
            for (String f : new String[] {"mean", "std", "saturation_rate", "count"}) {
                if (!n.path(f).isNumber()) {
                    throw new IllegalArgumentException(where + "." + f + " must be a number, got " + n.path(f) + ".");
                }
            }
            JsonNode d = n.path("deciles");
            if (!d.isArray()) {
                throw new IllegalArgumentException(where + ".deciles must be an array, got " + d + ".");
            }
            double[] deciles = new double[d.size()];
            for (int i = 0; i < deciles.length; i++) {
                deciles[i] = d.get(i).asDouble();
            }
            try {
                p[l] = new NormProfile(n.get("mean").asDouble(), n.get("std").asDouble(), deciles,
                        n.get("saturation_rate").asDouble(), n.get("count").asLong());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return p;
    }
}
