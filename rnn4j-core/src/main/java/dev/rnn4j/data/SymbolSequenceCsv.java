package dev.rnn4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads symbol sequences, one instance per line: an id column, a split column (its name ends in
 * {@code split}), a label column ({@code label} or {@code class}) and a {@code sequence} column of
 * one-character symbols (e.g. the splice DNA file: {@code id,statlog_split,class,sequence}).
 * Values stay as symbol codes (the character) until a {@link SymbolEncoding} turns them into
 * one-hot vectors.
 */
public final class SymbolSequenceCsv {

    private SymbolSequenceCsv() {
    }

    /** Whether {@code header} (the first line) looks like a symbol-sequence file. */
    public static boolean matches(String header) {
        return CsvRows.header(header).contains("sequence");
    }

    /** Instances whose values are the symbols' char codes, one per step (features = 1). */
    public static List<LabeledInstance> read(Path file, boolean requireLabel) throws IOException {
        List<LabeledInstance> out = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(file, "id,split,label,sequence")) {
            List<String> header = rows.header();
            int seqCol = header.indexOf("sequence");
            int splitCol = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).endsWith("split")) {
                    splitCol = i;
                }
            }
            int labelCol = header.contains("label") ? header.indexOf("label") : header.indexOf("class");
            if (seqCol < 0 || splitCol < 0) {
                throw new DataFormatException(file, 1, seqCol < 0 ? "sequence" : "split", "expected a header with id, split, label and "
                        + "sequence columns, got " + String.join(",", header) + ".");
            }
            if (labelCol < 0 && requireLabel) {
                throw new DataFormatException(file, 1, "label", "the header has no 'label' (or 'class') column; expected id,split,label,sequence, got "
                        + String.join(",", header) + ".");
            }
            int idCol = header.contains("id") ? header.indexOf("id") : 0;
            Set<String> seen = new HashSet<>();
            while (rows.next()) {
                long lineNo = rows.line();
                List<String> f = rows.fields();
                String id = f.get(idCol);
                if (!seen.add(id)) {
                    throw new DataFormatException(file, lineNo, header.get(idCol), "instance '" + id + "' appears twice.");
                }
                String seq = f.get(seqCol);
                if (seq.isEmpty()) {
                    throw new DataFormatException(file, lineNo, "sequence", "instance '" + id + "' has no symbols.");
                }
                String label = labelCol < 0 ? null : f.get(labelCol);
                if (requireLabel && label.isEmpty()) {
                    throw new DataFormatException(file, lineNo, header.get(labelCol), "expected a label, got an empty field.");
                }
                float[] codes = new float[seq.length()];
                for (int t = 0; t < codes.length; t++) {
                    codes[t] = seq.charAt(t);
                }
                out.add(new LabeledInstance(id, f.get(splitCol), label, codes, codes.length, lineNo));
            }
            if (out.isEmpty()) {
                throw new DataFormatException(file, rows.line(), null, "the file has a header but no instances.");
            }
        }
        return out;
    }
}
