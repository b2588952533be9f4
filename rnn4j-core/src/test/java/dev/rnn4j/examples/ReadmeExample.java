package dev.rnn4j.examples;

import dev.rnn4j.io.SafeTensors;
import dev.rnn4j.nn.RecurrentConfig;
import dev.rnn4j.nn.RecurrentNetwork;
import dev.rnn4j.nn.RecurrentOutput;
import dev.rnn4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;

/** The README's quick start, kept compiling (and run by ReadmeExampleTest). */
public final class ReadmeExample {
    public static void main(String[] args) throws Exception {
        // nn.LSTM(input_size=5, hidden_size=8, num_layers=2, bidirectional=True, batch_first=True)
        RecurrentConfig config = RecurrentConfig.lstm(5, 8).withLayers(2).withBidirectional(true);
        // weights saved in PyTorch with safetensors' save_file(lstm.state_dict(), "lstm.safetensors")
        RecurrentNetwork lstm = RecurrentNetwork.fromStateDict(config, SafeTensors.read(Path.of(args[0])));

        int batch = 3, time = 9;
        Tensor x = Tensor.zeros(batch, time, 5);            // [batch, time, features], batch first
        Arrays.fill(x.data(), 0.5f);
        int[] lengths = {9, 4, 6};                          // a padded batch, like pack_padded_sequence
        RecurrentOutput out = lstm.forward(x, lengths);

        System.out.println("output " + out.output().shapeString());   // [3, 9, 16]
        System.out.println("h_n    " + out.hN().shapeString());       // [4, 3, 8]
        System.out.println("c_n    " + out.cN().shapeString());       // [4, 3, 8]
        System.out.println("output[1, 3, 0] = " + out.output().get(1, 3, 0));
    }
}
