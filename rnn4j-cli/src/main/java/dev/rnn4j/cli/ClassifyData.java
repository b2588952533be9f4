package dev.rnn4j.cli;

import dev.rnn4j.data.DataFormatException;
import dev.rnn4j.data.LabeledInstance;
import dev.rnn4j.data.LongFormatCsv;
import dev.rnn4j.data.Sequence;
import dev.rnn4j.data.SymbolSequenceCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a classification file in either format and encodes its instances for a classifier. */
final class ClassifyData {

    private ClassifyData() {
    }

    /** {@code long} or {@code symbols}, from the header line. */
    static String detectFormat(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such data file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new DataFormatException(file, 1, null, "the file is empty; expected a header line.");
            }
            return SymbolSequenceCsv.matches(header) ? "symbols" : "long";
        }
    }

    static List<LabeledInstance> read(Path file, String format, boolean requireLabel) throws IOException {
        return format.equals("symbols") ? SymbolSequenceCsv.read(file, requireLabel) : LongFormatCsv.read(file, requireLabel);
    }

    static List<LabeledInstance> split(List<LabeledInstance> all, String split) {
        return all.stream().filter(i -> i.split().equals(split)).toList();
    }

    /** Encodes instances as sequences with class-index targets (-1 for a missing or, when allowed, unknown label). */
    static List<Sequence> encode(List<LabeledInstance> instances, ClassifierMeta meta, Path file, boolean requireKnownLabel)
            throws DataFormatException {
        List<Sequence> out = new ArrayList<>();
        for (LabeledInstance inst : instances) {
            float[] values = meta.encoding() != null ? meta.encoding().encode(inst, file) : meta.standardizer().apply(inst.values());
            int features = values.length / inst.length();
            if (features != meta.features()) {
                throw new DataFormatException(file, 1, null, "the model expects " + meta.features() + " features per step, the file has "
                        + features + ".");
            }
            int cls = inst.label() == null ? -1 : meta.labels().indexOf(inst.label());
            if (cls < 0 && requireKnownLabel) {
                throw new DataFormatException(file, inst.line(), "label", "label '" + inst.label() + "' of instance '" + inst.id()
                        + "' is not one the model was trained on " + meta.labels() + ".");
            }
            out.add(Sequence.of(inst.id(), values, inst.length(), new float[] {cls}));
        }
        return out;
    }
}
