package dev.rnn4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.Rnn4j;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A model on disk: a directory, or a {@code .zip} of the same two entries, holding
 * {@value #CONFIG} (the format version and whatever the model's config says about itself) and
 * {@value #WEIGHTS} (the parameters, PyTorch state-dict names, readable by Python's safetensors).
 *
 * <p>Saving never leaves a half-written model: everything is written under a temporary name in the
 * target's directory and renamed into place. Loading checks the format version, then the weights'
 * names and shapes against what the config implies, before reading any tensor data.
 */
public final class ModelFile {

    /** The on-disk format this rnn4j writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.safetensors";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelFile.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** What a model file holds: float32 tensors, and int8 ones for a quantised model (else none). */
    public record Contents(ObjectNode config, Map<String, Tensor> weights, Map<String, SafeTensors.Int8Tensor> int8) {
        public Contents(ObjectNode config, Map<String, Tensor> weights) {
            this(config, weights, Map.of());
        }
    }

    /**
     * Saves {@code config} (stamped with {@code format_version} and {@code requires_rnn4j}) and the
     * weights to {@code target}: a {@code .zip} file when the name ends so, else a directory.
     */
    public static void save(Path target, ObjectNode config, Map<String, Tensor> weights) throws IOException {
        save(target, config, weights, Map.of());
    }

    /** As {@link #save(Path, ObjectNode, Map)}, with int8 tensors (a quantised model) after the float32 ones. */
    public static void save(Path target, ObjectNode config, Map<String, Tensor> weights, Map<String, SafeTensors.Int8Tensor> int8)
            throws IOException {
        ObjectNode stamped = config.deepCopy();
        stamped.put("format_version", FORMAT_VERSION);
        stamped.put("requires_rnn4j", Rnn4j.version());
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        if (isZip(abs)) {
            Path tmp = Files.createTempFile(parent, "." + abs.getFileName(), ".tmp");
            try {
                Files.delete(tmp); // the zip file system creates it
                try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of("create", "true"))) {
                    writeEntries(zip.getPath("/"), stamped, weights, int8);
                }
                moveIntoPlace(tmp, abs);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp");
            try {
                writeEntries(tmp, stamped, weights, int8);
                replaceDirectory(tmp, abs);
            } finally {
                deleteTree(tmp);
            }
        }
    }

    private static void writeEntries(Path dir, ObjectNode config, Map<String, Tensor> weights,
                                     Map<String, SafeTensors.Int8Tensor> int8) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(WEIGHTS))) {
            SafeTensors.write(out, weights, int8);
        }
        Files.write(dir.resolve(CONFIG), JSON.writeValueAsBytes(config));
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A directory cannot be renamed over a non-empty one, so the old model is first renamed aside
     * and deleted only after the new one is in place: at every instant one complete model exists
     * under the target name or its aside name.
     */
    private static void replaceDirectory(Path tmp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a model directory; refusing to replace it.");
        }
        Path aside = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(aside);
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(aside);
    }

    /**
     * Loads a model. {@code expectedShapes} maps the loaded config to the tensor names and shapes
     * the weights must have; it may throw IllegalArgumentException for an invalid config.
     */
    public static Contents load(Path source, Function<JsonNode, Map<String, int[]>> expectedShapes) throws IOException {
        return load(source, expectedShapes, false);
    }

    /**
     * As {@link #load(Path, Function)}, accepting int8 ({@code I8}) tensors beside float32 ones when
     * {@code allowInt8} (a quantised model; the caller checks which tensors must be which).
     */
    public static Contents load(Path source, Function<JsonNode, Map<String, int[]>> expectedShapes, boolean allowInt8)
            throws IOException {
        Path abs = source.toAbsolutePath();
        if (!Files.exists(abs)) {
            Path aside = abs.resolveSibling("." + abs.getFileName() + ".old");
            if (!Files.isDirectory(aside)) {
                throw new NoSuchFileException(abs.toString(), null, "no model file or directory");
            }
            // A save was killed between its two renames: the previous model is complete under the aside name.
            LOG.warn("{} is missing but an interrupted save left the previous model at {}; loading that.", abs, aside);
            return readEntries(aside, aside, expectedShapes, allowInt8);
        }
        if (isZip(abs) && Files.isRegularFile(abs)) {
            if (Files.size(abs) == 0) {
                throw new IOException(abs + ": the model file is empty.");
            }
            try (FileSystem zip = FileSystems.newFileSystem(abs)) {
                return readEntries(abs, zip.getPath("/"), expectedShapes, allowInt8);
            } catch (java.util.zip.ZipException | java.nio.file.ProviderNotFoundException e) {
                throw new IOException(abs + ": not a readable zip model file (" + e.getMessage() + ").", e);
            }
        }
        if (!Files.isDirectory(abs)) {
            throw new IOException(abs + ": a model is a directory or a .zip file; this is neither.");
        }
        return readEntries(abs, abs, expectedShapes, allowInt8);
    }

    private static Contents readEntries(Path source, Path dir, Function<JsonNode, Map<String, int[]>> expectedShapes,
                                        boolean allowInt8) throws IOException {
        Path configFile = dir.resolve(CONFIG);
        String where = source + (dir == source ? "/" : "!/") + CONFIG;
        if (!Files.exists(configFile)) {
            throw new IOException(where + " is missing.");
        }
        if (!Files.exists(dir.resolve(WEIGHTS))) {
            throw new IOException(source + (dir == source ? "/" : "!/") + WEIGHTS + " is missing.");
        }
        JsonNode config;
        try {
            config = JSON.readTree(Files.readAllBytes(configFile));
        } catch (JsonProcessingException e) {
            throw new IOException(where + " is not valid JSON (" + e.getOriginalMessage() + ").", e);
        }
        if (config == null || !config.isObject()) {
            throw new IOException(where + " must hold a JSON object.");
        }
        JsonNode version = config.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw new IOException(where + ": field format_version is missing or not an integer.");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new IOException(where + ": format_version " + version.asInt() + " is newer than this rnn4j ("
                    + Rnn4j.version() + ") reads (" + FORMAT_VERSION + "); use rnn4j "
                    + config.path("requires_rnn4j").asText("of a newer version") + " or newer.");
        }
        if (version.asInt() < 1) {
            throw new IOException(where + ": field format_version must be >= 1, got " + version.asInt() + ".");
        }
        Map<String, int[]> shapes;
        try {
            shapes = expectedShapes.apply(config);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        SafeTensors.Mixed weights;
        try {
            weights = allowInt8 ? SafeTensors.readMixed(dir.resolve(WEIGHTS), shapes)
                    : new SafeTensors.Mixed(SafeTensors.read(dir.resolve(WEIGHTS), shapes), Map.of());
        } catch (IOException e) {
            if (dir == source) {
                throw e;
            }
            throw new IOException(source + "!" + e.getMessage(), e); // name the zip, not just the entry
        }
        return new Contents((ObjectNode) config, weights.floats(), weights.int8());
    }

    private static boolean isZip(Path p) {
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
