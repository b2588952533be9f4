package dev.rnn4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rnn4j.model.SafeTensors;
import dev.rnn4j.optim.Optimizer;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue training bit-identically after a completed epoch: weights,
 * optimiser buffers, schedule and early-stopping state. Every random draw of an epoch derives from
 * (seed, epoch), so nothing else is needed. Stored as {@code checkpoint.json} plus
 * {@code checkpoint.safetensors}, both written atomically.
 *
 * @param epochsDone        epochs completed
 * @param steps             optimiser steps so far
 * @param optimizerSteps    the optimiser's own step count
 * @param plateau           reduce-on-plateau state
 * @param bestValidation    lowest validation loss so far
 * @param bestEpoch         its epoch
 * @param badEpochs         epochs since it
 * @param lastTrainLoss     the last epoch's training loss
 * @param parameters        the weights
 * @param optimizerBuffers  the optimiser's buffers
 * @param bestParameters    the best epoch's weights (null unless restoring the best)
 */
public record Checkpoint(int epochsDone, long steps, long optimizerSteps, double[] plateau, double bestValidation,
                         int bestEpoch, int badEpochs, double lastTrainLoss, float[] parameters,
                         List<float[]> optimizerBuffers, float[] bestParameters) {

    public static final String STATE = "checkpoint.json";
    public static final String ARRAYS = "checkpoint.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scalars only; the arrays go to the safetensors file. */
    private record Scalars(int epochsDone, long steps, long optimizerSteps, double[] plateau, String bestValidation,
                           int bestEpoch, int badEpochs, String lastTrainLoss, int optimizerBuffers, boolean hasBest) {
    }

    Optimizer.State optimizerState() {
        return new Optimizer.State(optimizerSteps, optimizerBuffers);
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("parameters", Tensor.of(parameters.clone(), parameters.length));
        for (int i = 0; i < optimizerBuffers.size(); i++) {
            arrays.put("optimizer." + i, Tensor.of(optimizerBuffers.get(i).clone(), optimizerBuffers.get(i).length));
        }
        if (bestParameters != null) {
            arrays.put("best_parameters", Tensor.of(bestParameters.clone(), bestParameters.length));
        }
        SafeTensors.write(dir.resolve(ARRAYS), arrays);
        // Doubles as text so that infinities and NaN round-trip exactly.
        Scalars s = new Scalars(epochsDone, steps, optimizerSteps, plateau, Double.toString(bestValidation), bestEpoch,
                badEpochs, Double.toString(lastTrainLoss), optimizerBuffers.size(), bestParameters != null);
        Path tmp = dir.resolve(STATE + ".tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Checkpoint load(Path dir) throws IOException {
        Path state = dir.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            throw new IOException("No checkpoint at " + dir + ": " + STATE + " is missing.");
        }
        Scalars s = JSON.readValue(state.toFile(), Scalars.class);
        Map<String, Tensor> arrays = SafeTensors.read(dir.resolve(ARRAYS));
        List<float[]> buffers = new ArrayList<>();
        for (int i = 0; i < s.optimizerBuffers(); i++) {
            buffers.add(require(arrays, "optimizer." + i, dir).data());
        }
        return new Checkpoint(s.epochsDone(), s.steps(), s.optimizerSteps(), s.plateau(),
                Double.parseDouble(s.bestValidation()), s.bestEpoch(), s.badEpochs(), Double.parseDouble(s.lastTrainLoss()),
                require(arrays, "parameters", dir).data(), buffers,
                s.hasBest() ? require(arrays, "best_parameters", dir).data() : null);
    }

    private static Tensor require(Map<String, Tensor> arrays, String name, Path dir) throws IOException {
        Tensor t = arrays.get(name);
        if (t == null) {
            throw new IOException(dir.resolve(ARRAYS) + ": array " + name + " is missing.");
        }
        return t;
    }
}
