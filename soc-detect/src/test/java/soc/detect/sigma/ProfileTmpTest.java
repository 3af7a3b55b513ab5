package soc.detect.sigma;

import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.junit.jupiter.api.Test;
import soc.events.SocEvent;

class ProfileTmpTest {
    static Map<String,Object> slowest(List<Map<String,Object>> ev, Integer[] idx) { return ev.get(idx[0]); }
    @Test
    void profile() throws Exception {
        Path rules = Corpus.sigma().resolve("rules");
        SigmaEngine.Builder b = SigmaEngine.builder();
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) b.load(rules.resolve(tree));
        SigmaEngine engine = b.build();
        List<Map<String, Object>> events = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Corpus.sigma().resolve("regression"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList())
                for (SocEvent e : EvtxJsonAdapter.read(p)) events.add(e.fields());
        }
        engine.needleStats().forEach(x -> System.out.println("[prof] idx " + x));
        long[] per = new long[events.size()];
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < events.size(); i++) {
                long t = System.nanoTime();
                engine.match(events.get(i), r -> {});
                if (round >= 20) per[i] += System.nanoTime() - t;
            }
        }
        long total = Arrays.stream(per).sum();
        Integer[] idx = IntStream.range(0, per.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (a, c) -> Long.compare(per[c], per[a]));
        System.out.println("[prof] avg us/event " + total / 20 / events.size() / 1000.0);
        for (int k = 0; k < 15; k++) {
            Map<String, Object> e = events.get(idx[k]);
            int maxLen = e.entrySet().stream().filter(x -> !x.getKey().equals("event.original")).mapToInt(x -> String.valueOf(x.getValue()).length()).max().orElse(0);
            System.out.println("[prof] " + per[idx[k]] / 20 / 1000 + "us " + e.get("winlog.channel") + " " + e.get("winlog.event_id") + " maxlen=" + maxLen + " rules=" + engine.applicableRules(e).size());
        }
        EventContext ctx = new EventContext(1);
        String cl = String.valueOf(slowest(events, idx).get("winlog.event_data.CommandLine")).toLowerCase();
        NeedleIndex big = null;
        for (NeedleIndex ni : engine.needleIndexesForTest()) if (big == null || ni.stats().length() > 0 && ni.stats().contains("needles=8653")) big = ni;
        int[] hits = new int[100000];
        long t0 = System.nanoTime();
        for (int k = 1; k <= 1000; k++) big.scan(cl, hits, k);
        System.out.println("[prof] scan us " + (System.nanoTime() - t0) / 1000 / 1000.0 + " len " + cl.length());
        for (Map.Entry<String,Object> en : slowest(events, idx).entrySet()) {}
        // per-rule on the slowest event
        Map<String, Object> slow = events.get(idx[0]);
        Map<String, Long> rc = new HashMap<>();
        for (int round = 0; round < 20; round++)
            for (CompiledRule r : engine.applicableRules(slow)) {
                long t = System.nanoTime();
                engine.matches(r, slow);
                rc.merge(r.rule().source().replaceAll(".*/", ""), System.nanoTime() - t, Long::sum);
            }
        rc.entrySet().stream().sorted((a, c) -> Long.compare(c.getValue(), a.getValue())).limit(10)
            .forEach(en -> System.out.println("[prof]   " + en.getValue() / 20 / 1000 + "us " + en.getKey()));
    }
}
