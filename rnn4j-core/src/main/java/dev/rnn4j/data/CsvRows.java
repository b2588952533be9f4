package dev.rnn4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file read row by row, what every reader here needs before its own checks: the header
 * (byte-order mark removed), then each non-blank line split into fields and numbered as in the
 * file. An empty file, or a row whose field count differs from the header's, is an error naming
 * the file and line.
 */
final class CsvRows implements AutoCloseable {

    private final Path file;
    private final BufferedReader in;
    private final List<String> header;
    private long line = 1;
    private List<String> fields;

    private CsvRows(Path file, BufferedReader in, List<String> header) {
        this.file = file;
        this.in = in;
        this.header = header;
    }

    /** Opens {@code file} and reads its header; {@code expectedHeader} goes into the empty-file error. */
    static CsvRows open(Path file, String expectedHeader) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            String first = in.readLine();
            if (first == null) {
                throw new DataFormatException(file, 1, null, "the file is empty; expected a header " + expectedHeader + ".");
            }
            return new CsvRows(file, in, header(first));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The columns of a header line. */
    static List<String> header(String line) {
        return CsvLine.split(line.startsWith("\uFEFF") ? line.substring(1) : line);
    }

    List<String> header() {
        return header;
    }

    /** Moves to the next non-blank row; false at the end of the file. */
    boolean next() throws IOException {
        String raw;
        while ((raw = in.readLine()) != null) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            fields = CsvLine.split(raw);
            if (fields.size() != header.size()) {
                throw new DataFormatException(file, line, null, "expected " + header.size() + " fields like the header, got "
                        + fields.size() + ".");
            }
            return true;
        }
        return false;
    }

    /** The current row's fields, as many as the header has. */
    List<String> fields() {
        return fields;
    }

    /** The current row's line number (1 is the header); after the last row, the file's last line. */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
