package dev.rnn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeExampleTest {

    @Test
    void runsOnAStateDictFile(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("lstm.safetensors");
        RecurrentConfig config = RecurrentConfig.lstm(5, 8).withLayers(2).withBidirectional(true);
        SafeTensors.write(weights, RecurrentNetwork.create(config, 1).stateDict());
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ReadmeExample.main(new String[] {weights.toString()});
        } finally {
            System.setOut(saved);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        System.out.print(text); // so the README's quick-start command shows what the example printed
        assertThat(text).contains("output [3, 9, 16]", "h_n    [4, 3, 8]", "c_n    [4, 3, 8]");
    }
}
