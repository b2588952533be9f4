package dev.rnn4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * mapping each tensor name to its dtype, shape and byte range, then the raw little-endian data.
 * This is the format PyTorch users save state dicts in, so a file written by
 * {@code safetensors.torch.save_file(model.state_dict(), path)} loads here unchanged.
 *
 * <p>Model weights are float32 ({@code F32}); quantised models add int8 ({@code I8}) tensors, read
 * with {@link #readMixed} and written with {@link #write(OutputStream, Map, Map)}. Every size and offset is checked against the
 * file length before anything is allocated, and errors name the file and the tensor.
 */
public final class SafeTensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers larger than this are refused as corrupt rather than allocated (the reference reader uses the same bound). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafeTensors() {
    }

    /** Reads every tensor, in file order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads every tensor after checking, from the header alone, that the file holds exactly the
     * expected names with the expected shapes (null: accept any). Nothing is allocated for tensor
     * data until the whole header has passed. Works on any file system, zip files included.
     */
    public static Map<String, Tensor> read(Path file, Map<String, int[]> expectedShapes) throws IOException {
        return read(file, expectedShapes, false).floats();
    }

    /** An int8 tensor: row-major values and their shape. */
    public record Int8Tensor(byte[] data, int[] shape) {
        public Int8Tensor {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("An int8 tensor of shape " + Arrays.toString(shape) + " needs " + n
                        + " values, got " + data.length + ".");
            }
        }
    }

    /** The float32 and the int8 tensors of one file, each in file order. */
    public record Mixed(Map<String, Tensor> floats, Map<String, Int8Tensor> int8) {
    }

    /** Reads a file that may hold int8 ({@code I8}) tensors beside float32 ones, validated like {@link #read(Path)}. */
    public static Mixed readMixed(Path file) throws IOException {
        return read(file, null, true);
    }

    /**
     * The tensor names and shapes of a file, from its header alone (no tensor data is read), in
     * file order; F32 and I8 tensors alike.
     */
    public static Map<String, int[]> shapes(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (Entry e : header(ch, file, true).entries) {
                shapes.put(e.name, e.shape.clone());
            }
            return shapes;
        }
    }

    /**
     * Reads a file that may hold int8 tensors after checking its names and shapes, as
     * {@link #read(Path, Map)} does, before any tensor data is allocated.
     */
    public static Mixed readMixed(Path file, Map<String, int[]> expectedShapes) throws IOException {
        return read(file, expectedShapes, true);
    }

    /** A parsed header: its entries, checked against the data section, and where the data starts. */
    private record Header(List<Entry> entries, long dataStart) {
    }

    private static Header header(SeekableByteChannel ch, Path file, boolean allowInt8) throws IOException {
        long fileSize = ch.size();
        if (fileSize < 8) {
            throw new IOException(file + ": not a safetensors file: " + fileSize + " bytes, expected at least 8 for the header length.");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0, file);
        long headerLen = lenBuf.flip().getLong();
        if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES || 8 + headerLen > fileSize) {
            throw new IOException(file + ": corrupt safetensors header length " + headerLen + " for a file of "
                    + fileSize + " bytes.");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
        readFully(ch, headerBuf, 8, file);
        JsonNode header;
        try {
            header = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": the safetensors header is not valid JSON (" + e.getOriginalMessage() + ").", e);
        }
        if (header == null || !header.isObject()) {
            throw new IOException(file + ": the safetensors header must be a JSON object.");
        }
        long dataStart = 8 + headerLen;
        long dataLen = fileSize - dataStart;
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("__metadata__")) {
                entries.add(Entry.parse(file, f.getKey(), f.getValue(), dataLen, allowInt8));
            }
        }
        return new Header(entries, dataStart);
    }

    private static Mixed read(Path file, Map<String, int[]> expectedShapes, boolean allowInt8) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
            Header h = header(ch, file, allowInt8);
            List<Entry> entries = h.entries;
            long dataStart = h.dataStart;
            if (expectedShapes != null) {
                checkAgainst(file, entries, expectedShapes);
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            Map<String, Int8Tensor> int8 = new LinkedHashMap<>();
            for (Entry e : entries) {
                ByteBuffer buf = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, buf, dataStart + e.begin, file);
                buf.flip();
                if (e.int8) {
                    int8.put(e.name, new Int8Tensor(buf.array(), e.shape));
                } else {
                    float[] data = new float[e.elements];
                    buf.asFloatBuffer().get(data);
                    out.put(e.name, Tensor.of(data, e.shape));
                }
            }
            return new Mixed(out, int8);
        }
    }

    /** One header entry, validated against the data section before any tensor is allocated. */
    private record Entry(String name, int[] shape, int elements, long begin, long end, boolean int8) {

        static Entry parse(Path file, String name, JsonNode node, long dataLen, boolean allowInt8) throws IOException {
            String where = file + ": tensor '" + name + "'";
            String dtype = node.path("dtype").asText("");
            boolean int8 = allowInt8 && dtype.equals("I8");
            if (!dtype.equals("F32") && !int8) {
                throw new IOException(where + " has dtype '" + dtype + "', expected " + (allowInt8 ? "F32 (float32) or I8 (int8)."
                        : "F32 (float32)" + (dtype.equals("I8") ? "; this is a quantised model, which the float32 loader cannot read." : ".")));
            }
            int width = int8 ? 1 : 4;
            JsonNode shapeNode = node.get("shape");
            JsonNode offsets = node.get("data_offsets");
            if (shapeNode == null || !shapeNode.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2) {
                throw new IOException(where + " needs a 'shape' array and two 'data_offsets'.");
            }
            int[] shape = new int[shapeNode.size()];
            long elements = 1;
            for (int i = 0; i < shape.length; i++) {
                long d = shapeNode.get(i).asLong(-1);
                if (d < 0 || d > Integer.MAX_VALUE) {
                    throw new IOException(where + " has an invalid shape " + shapeNode + ".");
                }
                shape[i] = (int) d;
                elements *= d;
                if (elements > Integer.MAX_VALUE / 4) {
                    throw new IOException(where + " with shape " + shapeNode + " is too large.");
                }
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            if (begin < 0 || end < begin || end > dataLen) {
                throw new IOException(where + " has data_offsets " + offsets + " outside the " + dataLen + "-byte data section.");
            }
            if (end - begin != elements * width) {
                throw new IOException(where + " has shape " + shapeNode + " (" + elements * width + " bytes) but data_offsets "
                        + offsets + " span " + (end - begin) + " bytes.");
            }
            return new Entry(name, shape, (int) elements, begin, end, int8);
        }
    }

    private static void checkAgainst(Path file, List<Entry> entries, Map<String, int[]> expected) throws IOException {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry e : entries) {
            byName.put(e.name, e);
        }
        for (Map.Entry<String, int[]> x : expected.entrySet()) {
            Entry e = byName.get(x.getKey());
            if (e == null) {
                throw new IOException(file + ": tensor '" + x.getKey() + "' is missing; expected shape "
                        + Arrays.toString(x.getValue()) + ".");
            }
            if (!Arrays.equals(e.shape, x.getValue())) {
                throw new IOException(file + ": tensor '" + x.getKey() + "' has shape " + Arrays.toString(e.shape)
                        + ", expected " + Arrays.toString(x.getValue()) + ".");
            }
        }
        for (String name : byName.keySet()) {
            if (!expected.containsKey(name)) {
                throw new IOException(file + ": tensor '" + name + "' is not part of this model; expected only "
                        + expected.keySet() + ".");
            }
        }
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer buf, long position, Path file) throws IOException {
        long pos = position;
        ch.position(pos);
        while (buf.hasRemaining()) {
            int n = ch.read(buf);
            if (n < 0) {
                throw new IOException(file + ": unexpected end of file at byte " + pos + ".");
            }
            pos += n;
        }
    }

    /**
     * Writes the tensors in map order. The file is written under a temporary name in the same
     * directory and then renamed over {@code file}, so a crash never leaves a half-written file.
     */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out, tensors);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the tensors in map order to a stream (not closed). */
    public static void write(OutputStream out, Map<String, Tensor> tensors) throws IOException {
        write(out, tensors, Map.of());
    }

    /** Writes the float32 tensors, then the int8 ones, each in map order, to a stream (not closed). */
    public static void write(OutputStream out, Map<String, Tensor> tensors, Map<String, Int8Tensor> int8) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            offset = describe(header, e.getKey(), "F32", e.getValue().shape(), 4L * e.getValue().size(), offset);
        }
        for (Map.Entry<String, Int8Tensor> e : int8.entrySet()) {
            offset = describe(header, e.getKey(), "I8", e.getValue().shape(), e.getValue().data().length, offset);
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        // Pad the header with spaces to a multiple of 8 so the data section is aligned, as the reference writer does.
        int padded = (headerBytes.length + 7) / 8 * 8;
        byte[] headerOut = new byte[padded];
        System.arraycopy(headerBytes, 0, headerOut, 0, headerBytes.length);
        for (int i = headerBytes.length; i < padded; i++) {
            headerOut[i] = ' ';
        }
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.write(headerOut);
        for (Tensor t : tensors.values()) {
            ByteBuffer buf = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(t.data());
            out.write(buf.array());
        }
        for (Int8Tensor t : int8.values()) {
            out.write(t.data());
        }
    }

    /** Adds a tensor's header entry; returns the offset after its data. */
    private static long describe(ObjectNode header, String name, String dtype, int[] dims, long bytes, long offset) {
        ObjectNode t = header.putObject(name);
        t.put("dtype", dtype);
        var shape = t.putArray("shape");
        for (int d : dims) {
            shape.add(d);
        }
        t.putArray("data_offsets").add(offset).add(offset + bytes);
        return offset + bytes;
    }
}
