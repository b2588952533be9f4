package dev.rnn4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.Rnn4j;
import dev.rnn4j.kernel.KernelProvider;
import dev.rnn4j.model.ModelFiles;

/** Where a model came from, for its model card: enough to reproduce or explain it later. */
final class Provenance {

    private Provenance() {
    }

    /** rnn4j version, Java version and vendor, kernel implementation and the seed of the run. */
    static ObjectNode of(long seed) {
        ObjectNode p = ModelFiles.json().createObjectNode();
        p.put("rnn4j_version", Rnn4j.version());
        p.put("java_version", System.getProperty("java.version"));
        p.put("java_vendor", System.getProperty("java.vendor"));
        p.put("kernels", KernelProvider.get().name());
        p.put("seed", seed);
        return p;
    }
}
