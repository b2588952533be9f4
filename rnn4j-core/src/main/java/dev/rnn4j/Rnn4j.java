package dev.rnn4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of rnn4j, for provenance and error messages. */
public final class Rnn4j {

    private static final String VERSION = loadVersion();

    private Rnn4j() {
    }

    /** The rnn4j version, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Rnn4j.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
