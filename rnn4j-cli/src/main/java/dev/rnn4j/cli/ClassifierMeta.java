package dev.rnn4j.cli;

import dev.rnn4j.data.Standardizer;
import dev.rnn4j.data.SymbolEncoding;
import java.util.List;

/**
 * What a classifier needs besides its network, saved as {@code classifier.json} beside the model:
 * the input format, the class labels (index = output), and the fitted encoding of the inputs.
 *
 * @param format           {@code long} (instance,split,label,t,d1..dK) or {@code symbols} (id,split,label,sequence)
 * @param labels           class labels in output order
 * @param standardizer     z-score of long-format features (null for symbols)
 * @param encoding         one-hot alphabet of symbol sequences (null for long format)
 * @param features         input features per step
 * @param maxTrainedLength the longest training sequence
 */
record ClassifierMeta(String format, List<String> labels, Standardizer standardizer, SymbolEncoding encoding, int features,
                      int maxTrainedLength) {
    static final String FILE = "classifier.json";
}
