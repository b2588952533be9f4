package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A model file (directory or .zip) as found on disk: the validated network, the raw config.json
 * (which carries the model card), the bytes it occupies, and the classifier metadata if a
 * classifier.json lies beside it.
 */
record SavedModel(Path path, SequenceModel model, JsonNode configJson, long bytes, ClassifierMeta classifier) {

    static SavedModel read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new CliException(ExitCodes.INVALID_INPUT, "No model at " + path + ": the path does not exist.");
        }
        SequenceModel model = ModelFiles.loadAny(path);
        ClassifierMeta meta = null;
        Path metaFile = path.resolve(ClassifierMeta.FILE);
        if (Files.isDirectory(path) && Files.isRegularFile(metaFile)) {
            meta = ModelFiles.json().readValue(metaFile.toFile(), ClassifierMeta.class);
        }
        JsonNode config = configJson(path);
        long bytes = bytes(path);
        return new SavedModel(path, model, config, bytes, meta);
    }

    /** The raw config.json of a model directory or .zip, whatever kind of model it describes. */
    static JsonNode configJson(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return ModelFiles.json().readTree(path.resolve(ModelFiles.CONFIG).toFile());
        }
        try (FileSystem zip = FileSystems.newFileSystem(path)) {
            return ModelFiles.json().readTree(Files.readAllBytes(zip.getPath("/", ModelFiles.CONFIG)));
        }
    }

    /** The bytes a model occupies on disk: its directory's files, or the .zip. */
    static long bytes(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(Files::isRegularFile).mapToLong(SavedModel::size).sum();
        }
    }

    /** The model card in config.json (empty when the model was saved without one). */
    JsonNode card() {
        return ModelFiles.card(configJson);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
