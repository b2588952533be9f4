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
        boolean dir = Files.isDirectory(path);
        JsonNode config;
        long bytes;
        ClassifierMeta meta = null;
        if (dir) {
            config = ModelFiles.json().readTree(path.resolve(ModelFiles.CONFIG).toFile());
            try (Stream<Path> files = Files.list(path)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(SavedModel::size).sum();
            }
            Path metaFile = path.resolve(ClassifierMeta.FILE);
            if (Files.isRegularFile(metaFile)) {
                meta = ModelFiles.json().readValue(metaFile.toFile(), ClassifierMeta.class);
            }
        } else {
            try (FileSystem zip = FileSystems.newFileSystem(path)) {
                config = ModelFiles.json().readTree(Files.readAllBytes(zip.getPath("/", ModelFiles.CONFIG)));
            }
            bytes = Files.size(path);
        }
        return new SavedModel(path, model, config, bytes, meta);
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
