package dev.rnn4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes float32 tensors in the safetensors format (8-byte little-endian header length,
 * a JSON header of {@code name: {dtype, shape, data_offsets}}, then the raw little-endian data),
 * readable by Python's {@code safetensors}. Writes are atomic: a temporary file, then a rename.
 */
public final class SafeTensors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {
    }

    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = 4L * e.getValue().size();
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        int pad = (8 - headerBytes.length % 8) % 8; // keep the data 8-byte aligned, as the reference writer does
        int headerLength = headerBytes.length + pad;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + headerLength + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(headerLength);
        buf.put(headerBytes);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            for (float v : t.data()) {
                buf.putFloat(v);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, buf.array());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 8) {
            throw new IOException(file + ": too short for a safetensors file (" + all.length + " bytes).");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong();
        if (headerLength < 2 || headerLength > all.length - 8) {
            throw new IOException(file + ": header length " + headerLength + " does not fit in the file's " + all.length + " bytes.");
        }
        JsonNode header = JSON.readTree(new String(all, 8, (int) headerLength, StandardCharsets.UTF_8));
        int base = 8 + (int) headerLength;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode t = e.getValue();
            if (!"F32".equals(t.path("dtype").asText())) {
                throw new IOException(file + ": tensor " + e.getKey() + " has dtype " + t.path("dtype").asText() + ", expected F32.");
            }
            int[] shape = new int[t.path("shape").size()];
            long size = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.path("shape").get(i).asInt();
                size *= shape[i];
            }
            long start = t.path("data_offsets").get(0).asLong();
            long end = t.path("data_offsets").get(1).asLong();
            if (end - start != 4 * size || base + end > all.length) {
                throw new IOException(file + ": tensor " + e.getKey() + " data_offsets [" + start + ", " + end
                        + "] do not match its shape or the file size.");
            }
            float[] data = new float[(int) size];
            ByteBuffer slice = ByteBuffer.wrap(all, base + (int) start, (int) (end - start)).order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(data);
            out.put(e.getKey(), Tensor.of(data, shape));
        }
        return out;
    }
}
