package dev.rnn4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    /** A file assembled byte by byte from the format's definition, not by our writer. */
    private Path handMade(String header, float... values) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (float v : values) {
            b.putFloat(v);
        }
        Path f = dir.resolve("m.safetensors");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void readsAFileBuiltFromTheSpecification() throws IOException {
        Path f = handMade("{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", 1, 2, 3, 4, 5, 6, -7.5f, 8);
        Map<String, Tensor> t = SafeTensors.read(f);
        assertThat(t.keySet()).containsExactly("b", "a");
        assertThat(t.get("a").shape()).containsExactly(2, 3);
        assertThat(t.get("a").data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(t.get("b").data()).containsExactly(-7.5f, 8);
    }

    @Test
    void writeThenReadIsExact() throws IOException {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("weight_ih_l0", Tensor.of(new float[] {Float.MIN_VALUE, -0f, 1e30f, 3.25f}, 2, 2));
        in.put("bias_ih_l0", Tensor.of(new float[] {0.1f, 0.2f}, 2));
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, in);
        Map<String, Tensor> out = SafeTensors.read(f);
        assertThat(out.keySet()).containsExactly("weight_ih_l0", "bias_ih_l0");
        assertThat(out.get("weight_ih_l0").data()).containsExactly(in.get("weight_ih_l0").data());
        assertThat(out.get("bias_ih_l0").data()).containsExactly(0.1f, 0.2f);
        assertThat((Files.size(f) - 8) % 8).as("header padded to 8 bytes").isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file left").isEqualTo(List.of("w.safetensors"));
        }
    }

    @Test
    void refusesOtherDtypes() throws IOException {
        Path f = handMade("{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 0);
        assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("m.safetensors").hasMessageContaining("'a'").hasMessageContaining("F16");
    }

    @Test
    void readsInt8TensorsBuiltFromTheSpecification() throws IOException {
        // One F32 [1] (bytes 0..4) then an I8 [2,2] (bytes 4..8): -1, 127, -128, 5.
        Path f = handMade("{\"s\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"q\":{\"dtype\":\"I8\",\"shape\":[2,2],\"data_offsets\":[4,8]}}",
                0.5f, Float.intBitsToFloat(0x05807fff));
        SafeTensors.Mixed m = SafeTensors.readMixed(f);
        assertThat(m.floats().get("s").data()).containsExactly(0.5f);
        assertThat(m.int8().get("q").data()).containsExactly(-1, 127, -128, 5);
        assertThat(m.int8().get("q").shape()).containsExactly(2, 2);
        assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("'q'").hasMessageContaining("I8").hasMessageContaining("quantised");
    }

    @Test
    void int8WriteThenReadIsExactAndSpansAreChecked() throws IOException {
        Path f = dir.resolve("q.safetensors");
        try (var out = Files.newOutputStream(f)) {
            SafeTensors.write(out, Map.of("b", Tensor.of(new float[] {1.5f}, 1)),
                    Map.of("w", new SafeTensors.Int8Tensor(new byte[] {-128, 0, 3, 127, 1, -1}, new int[] {2, 3})));
        }
        SafeTensors.Mixed m = SafeTensors.readMixed(f);
        assertThat(m.int8().get("w").data()).containsExactly(-128, 0, 3, 127, 1, -1);
        assertThat(m.floats().get("b").data()).containsExactly(1.5f);
        Path bad = handMade("{\"q\":{\"dtype\":\"I8\",\"shape\":[3],\"data_offsets\":[0,4]}}", 0);
        assertThatThrownBy(() -> SafeTensors.readMixed(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("'q'").hasMessageContaining("(3 bytes)").hasMessageContaining("span 4 bytes");
        assertThatThrownBy(() -> new SafeTensors.Int8Tensor(new byte[5], new int[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 6 values, got 5");
    }

    @Test
    void refusesOffsetsThatDisagreeWithTheShape() throws IOException {
        Path f = handMade("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 1, 2);
        assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("'a'").hasMessageContaining("12 bytes").hasMessageContaining("span 8 bytes");
    }

    @Test
    void refusesTruncatedFiles() throws IOException {
        Path f = handMade("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 1, 2);
        assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("outside the 8-byte data section");
        Path empty = dir.resolve("empty.safetensors");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> SafeTensors.read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.safetensors").hasMessageContaining("0 bytes");
    }

    @Test
    void refusesACorruptHeader() throws IOException {
        Path f = handMade("{\"a\": nope}", 1);
        assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("not valid JSON");
        byte[] bytes = Files.readAllBytes(f);
        bytes[0] = (byte) 0xff;
        bytes[6] = (byte) 0x7f;
        Files.write(f, bytes);
        assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt safetensors header length");
    }
}
