package soc.detect.stream;

import java.util.Map;

/** Test access to the built-in packs for other packages' tests. */
public final class TestPacks {
    private TestPacks() {
    }

    public static Map<String, String> builtInPacks() {
        return SigmaRulesConfiguration.builtInPacks();
    }
}
