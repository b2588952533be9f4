package dev.rnn4j.io;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;

/**
 * The folder tools/pytorch/export_reference.py writes, named by {@code -Drnn4j.torch.dir} (as
 * {@code .ci/run} passes wherever Debian's python3-torch can be installed), and the cases it lists.
 */
public final class TorchExports {

    /** Checks one exported case. */
    public interface CaseCheck {
        void check(Path dir, String name) throws IOException;
    }

    private TorchExports() {
    }

    /**
     * One dynamic test per case named in {@code listFile} of the export folder (blank lines
     * skipped); the calling test is skipped, by assumption, when no folder is given.
     */
    public static List<DynamicTest> cases(String listFile, CaseCheck check) throws IOException {
        String prop = System.getProperty("rnn4j.torch.dir", "").trim();
        assumeFalse(prop.isEmpty(), "no -Drnn4j.torch.dir given");
        Path dir = Path.of(prop);
        if (!dir.isAbsolute() && !Files.isDirectory(dir)) {
            // A relative path given to the reactor is relative to the project root, not the module.
            dir = Path.of(System.getProperty("rnn4j.root.dir", "")).resolve(prop);
        }
        Path folder = dir;
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Files.readAllLines(folder.resolve(listFile))) {
            if (!name.isBlank()) {
                tests.add(DynamicTest.dynamicTest(name, () -> check.check(folder, name.trim())));
            }
        }
        return tests;
    }
}
