package dev.rnn4j.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.nn.CellType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Running distinct words once and in length groups must not change features or gradients. */
class CharacterFeaturesTest {

    // Character ids of 7 tokens, with repeats (tokens 0, 3 and 6 are the same word) and mixed lengths.
    private static final int[][] TOKENS = {{1, 2}, {3, 1, 4, 1, 5}, {2}, {1, 2}, {4, 4, 4, 4, 4, 4, 4, 4}, {5, 3}, {1, 2}};

    @Test
    void smallGroupsAndOneGroupGiveTheSameFeaturesAndGradients() {
        float[][] features = new float[2][];
        float[][] gradients = new float[2][];
        int[] groupSizes = {1000, 2};
        for (int k = 0; k < 2; k++) {
            ParameterTable table = new ParameterTable();
            CharacterFeatures cf = new CharacterFeatures(6, 3, 4, CellType.LSTM, table, KernelProvider.scalar(), groupSizes[k]);
            float[] params = new float[table.size()];
            cf.initialize(params, new SplittableRandom(4));
            CharacterFeatures.Cache[] cache = new CharacterFeatures.Cache[1];
            features[k] = cf.forward(params, TOKENS, cache);
            float[] dFeatures = new float[features[k].length];
            SplittableRandom r = new SplittableRandom(8);
            for (int i = 0; i < dFeatures.length; i++) {
                dFeatures[i] = (float) r.nextDouble(-1, 1);
            }
            gradients[k] = new float[params.length];
            cf.backward(cache[0], dFeatures, 0, 8, gradients[k]);
        }
        assertThat(features[1]).containsExactly(features[0], within(1e-6f));
        assertThat(gradients[1]).containsExactly(gradients[0], within(1e-5f));
        // Repeated spellings get identical features.
        for (int j = 0; j < 8; j++) {
            assertThat(features[0][3 * 8 + j]).isEqualTo(features[0][j]);
            assertThat(features[0][6 * 8 + j]).isEqualTo(features[0][j]);
        }
    }
}
