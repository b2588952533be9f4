package dev.rnn4j.forecast.rnn;

import dev.rnn4j.forecast.prep.LevelScaling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.forecast.model.Forecaster;
import dev.rnn4j.forecast.prep.ZScore;
import dev.rnn4j.io.ModelFile;
import dev.rnn4j.model.ModelConfig;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.nn.ParameterLayout;
import dev.rnn4j.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link TrainedRnn} with {@link ModelFile}: {@code config.json} holds the kind,
 * horizon, window encoding, every member's {@link ModelConfig}, the per-series z-scores, the loss
 * curve and the model card (text fields, plus the {@code drift} profile object);
 * {@code weights.safetensors} holds member k's parameters under {@code member<k>.<PyTorch name>}.
 */
public final class RnnModelFile {

    public static final String KIND = "rnn4j-forecaster";
    /** The model card field holding the drift profile, an object beside the card's text fields. */
    static final String DRIFT = "drift";
    private static final ObjectMapper JSON = ModelFiles.json();

    private RnnModelFile() {
    }

    public static void save(Path target, TrainedRnn trained) throws IOException {
        RnnFitted f = trained.fitted();
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        root.put("horizon", f.horizon());
        ArrayNode members = root.putArray("members");
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (int k = 0; k < f.members().size(); k++) {
            Member m = f.members().get(k);
            ObjectNode node = members.addObject();
            node.put("lookback", m.encoder().lookback());
            node.put("period", m.encoder().period());
            node.put("level_scaling", m.encoder().scaling().name());
            node.put("deseasonalize", m.encoder().deseasonalize());
            node.put("seed", m.seed());
            node.put("epochs", m.epochs());
            node.put("best_validation_loss", m.best());
            node.put("seconds", m.seconds());
            node.set("network", JSON.valueToTree(m.model().config()));
            float[] v = m.model().parameters();
            for (ParameterLayout.Entry e : m.model().entries()) {
                weights.put(prefix(k) + e.name(), Tensor.of(Arrays.copyOfRange(v, e.offset(), e.offset() + e.size()), e.shape()));
            }
        }
        ObjectNode scalers = root.putObject("scalers");
        trained.scalers().forEach((id, z) -> scalers.putObject(id).put("mean", z.mean()).put("std", z.std()));
        ArrayNode history = root.putArray("loss_history");
        for (Forecaster.LossPoint p : f.history()) {
            history.addArray().add(p.epoch()).add(p.training()).add(p.validation());
        }
        ObjectNode card = root.putObject("model_card");
        f.card().forEach(card::put);
        if (trained.drift() != null) {
            card.set(DRIFT, trained.drift());
        }
        ModelFile.save(target, root, weights);
    }

    public static TrainedRnn load(Path source) throws IOException {
        ModelFile.Contents c = ModelFile.load(source, RnnModelFile::expectedShapes);
        JsonNode root = c.config();
        List<Member> members = new ArrayList<>();
        JsonNode list = root.get("members");
        for (int k = 0; k < list.size(); k++) {
            JsonNode node = list.get(k);
            ModelConfig config = network(node);
            SequenceModel shape = SequenceModel.create(config);
            float[] flat = new float[shape.parameters().length];
            for (ParameterLayout.Entry e : shape.entries()) {
                System.arraycopy(c.weights().get(prefix(k) + e.name()).data(), 0, flat, e.offset(), e.size());
            }
            WindowEncoder enc = new WindowEncoder(LevelScaling.valueOf(node.get("level_scaling").asText()),
                    node.get("period").asInt(), node.get("lookback").asInt(), node.get("deseasonalize").asBoolean());
            members.add(new Member(SequenceModel.withParameters(config, flat), enc, node.get("seed").asLong(),
                    node.get("epochs").asInt(), node.get("best_validation_loss").asDouble(), node.get("seconds").asDouble()));
        }
        Map<String, ZScore> scalers = new LinkedHashMap<>();
        root.get("scalers").fields().forEachRemaining(e ->
                scalers.put(e.getKey(), new ZScore(e.getValue().get("mean").asDouble(), e.getValue().get("std").asDouble())));
        List<Forecaster.LossPoint> history = new ArrayList<>();
        for (JsonNode p : root.get("loss_history")) {
            history.add(new Forecaster.LossPoint(p.get(0).asInt(), p.get(1).asDouble(), p.get(2).asDouble()));
        }
        // the card's text fields, and the drift profile object (absent in files saved before it existed)
        Map<String, String> card = new LinkedHashMap<>();
        JsonNode drift = null;
        for (var it = root.get("model_card").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(DRIFT) && e.getValue().isObject()) {
                drift = e.getValue();
            } else {
                card.put(e.getKey(), e.getValue().asText());
            }
        }
        return new TrainedRnn(new RnnFitted(members, root.get("horizon").asInt(), history, card), scalers, drift);
    }

    /** The tensors a config promises; refuses a file that is not a saved forecaster. */
    private static Map<String, int[]> expectedShapes(JsonNode root) {
        if (!KIND.equals(root.path("kind").asText())) {
            throw new IllegalArgumentException("config.json has kind '" + root.path("kind").asText()
                    + "', expected '" + KIND + "' (a model saved by rnn4j forecast train).");
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        JsonNode list = root.get("members");
        for (int k = 0; k < list.size(); k++) {
            for (ParameterLayout.Entry e : SequenceModel.create(network(list.get(k))).entries()) {
                out.put(prefix(k) + e.name(), e.shape());
            }
        }
        return out;
    }

    private static ModelConfig network(JsonNode member) {
        try {
            return JSON.treeToValue(member.get("network"), ModelConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("config.json: a member's network is not a valid model config ("
                    + e.getOriginalMessage() + ").", e);
        }
    }

    private static String prefix(int k) {
        return "member" + k + ".";
    }
}
