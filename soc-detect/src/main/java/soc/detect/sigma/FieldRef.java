package soc.detect.sigma;

import java.util.List;

/**
 * A resolved Sigma field: the event keys to try, in order (the first key present in the event wins), and a slot
 * in the per-event cache of resolved values. Interned per {@link SigmaCompiler}.
 */
final class FieldRef {
    final String sigmaName;
    final String[] keys;
    final int slot;

    FieldRef(String sigmaName, List<String> keys, int slot) {
        this.sigmaName = sigmaName;
        this.keys = keys.toArray(String[]::new);
        this.slot = slot;
    }

    @Override
    public String toString() {
        return sigmaName + "->" + String.join("|", keys);
    }
}
