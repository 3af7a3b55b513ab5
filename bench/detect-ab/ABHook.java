package soc.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A/B harness hook: loads the whole SigmaHQ rule set and the regression events; {@link #pass()} matches them once. Compiled into each side's directory by build.sh (not part of the build). */
public final class ABHook {
    final SigmaEngine engine;
    private final List<Map<String, Object>> events = new ArrayList<>();
    public long matches;

    public ABHook() throws Exception {
        java.nio.file.Path rules = Corpus.sigma().resolve("rules");
        SigmaEngine.Builder b = SigmaEngine.builder();
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
            b.load(rules.resolve(tree));
        }
        engine = b.build();
        try (java.util.stream.Stream<java.nio.file.Path> st = java.nio.file.Files.walk(Corpus.sigma().resolve("regression").resolve("regression_data"))) {
            for (java.nio.file.Path json : st.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (soc.events.SocEvent e : EvtxJsonAdapter.read(json)) {
                    events.add(e.fields());
                }
            }
        }
    }

    public int events() {
        return events.size();
    }

    /** One pass over the events; returns the number of matches. */
    public long pass() {
        long[] n = new long[1];
        for (Map<String, Object> e : events) {
            engine.match(e, r -> n[0]++);
        }
        return n[0];
    }
}
