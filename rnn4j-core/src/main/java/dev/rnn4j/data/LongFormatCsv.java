package dev.rnn4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads multivariate sequences in long format, one timestep per line:
 * {@code instance, split, label, t, d1, …, dK} (the UEA archive export). An instance's rows are
 * consecutive, with t = 0, 1, 2, …; its split and label are the same on every row. Every problem
 * is reported with file, line and column; nothing is returned unless the whole file is valid.
 */
public final class LongFormatCsv {

    private LongFormatCsv() {
    }

    /**
     * @param requireLabel whether the {@code label} column must exist (training, evaluation) or may
     *                     be absent (prediction)
     */
    public static List<LabeledInstance> read(Path file, boolean requireLabel) throws IOException {
        List<LabeledInstance> out = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(file, "instance,split,label,t,d1..dK")) {
            List<String> header = rows.header();
            int instanceCol = require(file, header, "instance");
            int splitCol = require(file, header, "split");
            int labelCol = header.indexOf("label");
            if (labelCol < 0 && requireLabel) {
                throw new DataFormatException(file, 1, "label", "the header has no 'label' column; expected instance,split,label,t,d1..dK, got "
                        + String.join(",", header) + ".");
            }
            int tCol = require(file, header, "t");
            List<Integer> featureCols = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != instanceCol && i != splitCol && i != labelCol && i != tCol) {
                    featureCols.add(i);
                }
            }
            if (featureCols.isEmpty()) {
                throw new DataFormatException(file, 1, null, "the header has no feature columns; expected instance,split,label,t,d1..dK.");
            }
            int k = featureCols.size();
            Set<String> seen = new HashSet<>();
            String current = null;
            String split = null;
            String label = null;
            long start = 0;
            List<float[]> steps = new ArrayList<>();
            while (rows.next()) {
                long lineNo = rows.line();
                List<String> f = rows.fields();
                String id = f.get(instanceCol);
                if (id.isEmpty()) {
                    throw new DataFormatException(file, lineNo, "instance", "expected an instance name, got an empty field.");
                }
                if (!id.equals(current)) {
                    if (current != null) {
                        out.add(instance(current, split, label, steps, k, start));
                    }
                    if (!seen.add(id)) {
                        throw new DataFormatException(file, lineNo, "instance", "the rows of instance '" + id
                                + "' must be consecutive, but it appeared earlier.");
                    }
                    current = id;
                    split = f.get(splitCol);
                    label = labelCol < 0 ? null : f.get(labelCol);
                    start = lineNo;
                    steps = new ArrayList<>();
                }
                if (f.get(tCol).isEmpty() && featureCols.stream().allMatch(c -> f.get(c).isEmpty())) {
                    throw new DataFormatException(file, lineNo, "t", "instance '" + id + "' has no rows with data (empty t and features).");
                }
                if (!f.get(splitCol).equals(split)) {
                    throw new DataFormatException(file, lineNo, "split", "instance '" + id + "' started in split '" + split
                            + "', got '" + f.get(splitCol) + "'.");
                }
                if (labelCol >= 0) {
                    String l = f.get(labelCol);
                    if (l.isEmpty() && requireLabel) {
                        throw new DataFormatException(file, lineNo, "label", "expected a label, got an empty field.");
                    }
                    if (!l.equals(label)) {
                        throw new DataFormatException(file, lineNo, "label", "instance '" + id + "' started with label '" + label
                                + "', got '" + l + "'.");
                    }
                }
                long t = parseLong(file, lineNo, "t", f.get(tCol));
                if (t != steps.size()) {
                    throw new DataFormatException(file, lineNo, "t", "expected t=" + steps.size() + " (the next step of instance '"
                            + id + "'), got " + f.get(tCol) + ".");
                }
                float[] row = new float[k];
                for (int j = 0; j < k; j++) {
                    row[j] = parseFinite(file, lineNo, header.get(featureCols.get(j)), f.get(featureCols.get(j)));
                }
                steps.add(row);
            }
            if (current != null) {
                out.add(instance(current, split, label, steps, k, start));
            }
            if (out.isEmpty()) {
                throw new DataFormatException(file, rows.line(), null, "the file has a header but no instances.");
            }
        }
        return out;
    }

    private static LabeledInstance instance(String id, String split, String label, List<float[]> rows, int k, long line) {
        float[] values = new float[rows.size() * k];
        for (int t = 0; t < rows.size(); t++) {
            System.arraycopy(rows.get(t), 0, values, t * k, k);
        }
        return new LabeledInstance(id, split, label, values, rows.size(), line);
    }

    private static int require(Path file, List<String> header, String name) throws DataFormatException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new DataFormatException(file, 1, name, "the header has no '" + name + "' column; expected instance,split,label,t,d1..dK, got "
                    + String.join(",", header) + ".");
        }
        return i;
    }

    private static long parseLong(Path file, long line, String column, String text) throws DataFormatException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "expected a whole number, got '" + text + "'.");
        }
    }

    static float parseFinite(Path file, long line, String column, String text) throws DataFormatException {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("nan") || lower.matches("[+-]?inf(inity)?")) {
            throw new DataFormatException(file, line, column, "expected a finite number, got " + text + ".");
        }
        float v;
        try {
            v = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "expected a number, got '" + text + "'.");
        }
        if (!Float.isFinite(v)) {
            throw new DataFormatException(file, line, column, "expected a finite number, got " + text + ".");
        }
        return v;
    }
}
