package dev.rnn4j.cli;

import dev.rnn4j.data.Batch;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.model.LengthGuard;
import dev.rnn4j.model.ModelFiles;
import dev.rnn4j.model.SequenceModel;
import dev.rnn4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved classifier: the network plus its {@link ClassifierMeta}, and the guard that warns (once)
 * when it is asked about sequences longer than it was trained on.
 */
record Classifier(SequenceModel model, ClassifierMeta meta, LengthGuard lengthGuard) {

    Classifier(SequenceModel model, ClassifierMeta meta) {
        this(model, meta, new LengthGuard(meta.maxTrainedLength(), "classifier"));
    }

    static Classifier load(Path dir) throws IOException {
        Path metaFile = dir.resolve(ClassifierMeta.FILE);
        if (!Files.isRegularFile(metaFile)) {
            throw new IOException("No classifier at " + dir + ": " + ClassifierMeta.FILE + " is missing (train one with rnn4j classify train).");
        }
        ClassifierMeta meta = ModelFiles.json().readValue(metaFile.toFile(), ClassifierMeta.class);
        return new Classifier(ModelFiles.loadAny(dir), meta, new LengthGuard(meta.maxTrainedLength(), dir.toString()));
    }

    /** Saves the network (with its model card, may be null) and classifier.json into {@code dir}. */
    void save(Path dir, com.fasterxml.jackson.databind.node.ObjectNode card) throws IOException {
        ModelFiles.save(model, dir, card);
        Path tmp = dir.resolve(ClassifierMeta.FILE + ".tmp");
        ModelFiles.json().writeValue(tmp.toFile(), meta);
        Files.move(tmp, dir.resolve(ClassifierMeta.FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The predicted class index of every sequence. */
    int[] predict(List<Sequence> data) {
        int[] out = new int[data.size()];
        int batchSize = 64;
        for (int i = 0; i < data.size(); i += batchSize) {
            Batch b = Batch.of(data.subList(i, Math.min(data.size(), i + batchSize)), false);
            lengthGuard.check(b.time());
            Tensor logits = model.predict(b.x(), b.lengths());
            int classes = logits.dim(1);
            for (int r = 0; r < b.size(); r++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (logits.get(r, c) > logits.get(r, best)) {
                        best = c;
                    }
                }
                out[i + r] = best;
            }
        }
        return out;
    }
}
