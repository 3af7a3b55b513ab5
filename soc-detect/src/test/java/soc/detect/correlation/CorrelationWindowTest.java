package soc.detect.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.detect.correlation.CorrelationWindow.Entry;
import soc.detect.correlation.CorrelationWindow.Outcome;
import soc.detect.correlation.CorrelationWindow.State;
import soc.detect.correlation.CorrelationWindow.Verdict;

/** Window logic of Sigma correlations in event time: sliding windows, out of order within grace, late, replays. */
class CorrelationWindowTest {
    private static final long MIN = 60_000;

    private static CorrelationWindow window(String type, long timespan, Map<String, Object> condition, long grace,
                                            String... rules) {
        return new CorrelationWindow(type, List.of(rules), timespan,
                condition == null ? null : CorrelationCondition.of(condition), grace, 1000);
    }

    private static Entry e(long time, String id) {
        return new Entry(time, id, "r", null, false);
    }

    private static Entry e(long time, String id, String rule, String value) {
        return new Entry(time, id, rule, value, false);
    }

    /** Offers all entries in order; returns the outcomes. */
    private static List<Outcome> run(CorrelationWindow w, Entry... entries) {
        State state = null;
        List<Outcome> out = new java.util.ArrayList<>();
        for (Entry entry : entries) {
            Outcome o = w.offer(state, entry);
            state = o.state();
            out.add(o);
        }
        return out;
    }

    @Test
    void eventCountFiresOnceWhenTheThresholdIsReachedWithinTheTimespan() {
        CorrelationWindow w = window("event_count", 10 * MIN, Map.of("gte", 3), 0);
        List<Outcome> o = run(w, e(0, "a"), e(4 * MIN, "b"), e(9 * MIN, "c"), e(9 * MIN + 1, "d"));
        assertThat(o.get(1).match()).isNull();
        assertThat(o.get(2).match()).isNotNull();
        assertThat(o.get(2).match().contributing()).extracting(Entry::eventId).containsExactly("a", "b", "c");
        assertThat(o.get(3).match()).as("consumed events do not alert again").isNull();
    }

    @Test
    void eventsFurtherApartThanTheTimespanDoNotCorrelate() {
        CorrelationWindow w = window("event_count", 10 * MIN, Map.of("gte", 3), 0);
        List<Outcome> o = run(w, e(0, "a"), e(6 * MIN, "b"), e(12 * MIN, "c"), e(18 * MIN, "d"));
        assertThat(o).allSatisfy(x -> assertThat(x.match()).isNull());
        // ...but three within ten minutes do, even after a gap
        assertThat(run(w, e(0, "a"), e(6 * MIN, "b"), e(12 * MIN, "c"), e(15 * MIN, "d")).get(3).match())
                .isNotNull();
    }

    @Test
    void valueCountCountsDistinctValues() {
        CorrelationWindow w = window("value_count", 30 * MIN, Map.of("field", "TargetUserName", "gte", 3), 0);
        List<Outcome> o = run(w, e(0, "1", "r", "alice"), e(1, "2", "r", "alice"), e(2, "3", "r", "bob"),
                e(3, "4", "r", "carol"));
        assertThat(o.get(2).match()).isNull();
        assertThat(o.get(3).match().aggregate()).isEqualTo(3);
        assertThat(o.get(3).match().distinctValues()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void outOfOrderEventWithinGraceCountsAtItsEventTime() {
        CorrelationWindow w = window("event_count", 5 * MIN, Map.of("gte", 3), 2 * MIN);
        // b arrives 90 s after c although it happened before it
        List<Outcome> o = run(w, e(0, "a"), e(3 * MIN, "c"), e(90_000, "b"));
        assertThat(o.get(2).verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(o.get(2).match()).isNotNull();
        assertThat(o.get(2).match().contributing()).extracting(Entry::eventId).containsExactly("a", "b", "c");
        assertThat(o.get(2).state().watermark()).isEqualTo(3 * MIN);
    }

    @Test
    void eventLaterThanGraceIsDroppedAndDoesNotCount() {
        CorrelationWindow w = window("event_count", 10 * MIN, Map.of("gte", 3), MIN);
        List<Outcome> o = run(w, e(0, "a"), e(5 * MIN, "c"), e(3 * MIN, "b"), e(6 * MIN, "d"));
        assertThat(o.get(2).verdict()).isEqualTo(Verdict.LATE);
        assertThat(o.get(2).state().entries()).extracting(Entry::eventId).containsExactly("a", "c");
        assertThat(o.get(3).match()).as("the third counted event fires, the late one is not part of it")
                .isNotNull();
        assertThat(o.get(3).match().contributing()).extracting(Entry::eventId).containsExactly("a", "c", "d");
    }

    @Test
    void replayedEventIsNotCountedTwice() {
        CorrelationWindow w = window("event_count", 10 * MIN, Map.of("gte", 3), 0);
        List<Outcome> o = run(w, e(0, "a"), e(1, "b"), e(1, "b"), e(2, "b"));
        assertThat(o.get(2).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(o).allSatisfy(x -> assertThat(x.match()).isNull());
    }

    @Test
    void oldEntriesArePrunedAndQuietGroupsExpire() {
        CorrelationWindow w = window("event_count", 10 * MIN, Map.of("gte", 100), MIN);
        List<Outcome> o = run(w, e(0, "a"), e(5 * MIN, "b"), e(20 * MIN, "c"));
        assertThat(o.get(2).state().entries()).extracting(Entry::eventId).containsExactly("c");
        assertThat(w.expire(o.get(2).state(), 20 * MIN + 11 * MIN + 1)).isNull();
        assertThat(w.expire(o.get(2).state(), 25 * MIN)).isNotNull();
    }

    @Test
    void temporalNeedsEveryRuleInTheTimespanInAnyOrder() {
        CorrelationWindow w = window("temporal", 5 * MIN, null, 0, "recon", "dump", "exfil");
        List<Outcome> o = run(w, e(0, "1", "dump", null), e(MIN, "2", "recon", null), e(2 * MIN, "3", "dump", null),
                e(3 * MIN, "4", "exfil", null));
        assertThat(o.get(2).match()).isNull();
        assertThat(o.get(3).match().distinctValues()).containsExactlyInAnyOrder("recon", "dump", "exfil");
    }

    @Test
    void temporalOrderedNeedsTheRulesInOrder() {
        CorrelationWindow w = window("temporal_ordered", 10 * MIN, null, 0, "failed", "success");
        assertThat(run(w, e(0, "1", "success", null), e(MIN, "2", "failed", null)).get(1).match()).isNull();
        List<Outcome> o = run(w, e(0, "1", "success", null), e(MIN, "2", "failed", null),
                e(2 * MIN, "3", "success", null));
        assertThat(o.get(2).match().contributing()).extracting(Entry::eventId).containsExactly("2", "3");
    }

    @Test
    void valueSumAndAverage() {
        CorrelationWindow sum = window("value_sum", 60 * MIN, Map.of("field", "bytes", "gt", 1000), 0);
        assertThat(run(sum, e(0, "1", "r", "600"), e(1, "2", "r", "x"), e(2, "3", "r", "500")).get(2).match()
                .aggregate()).isEqualTo(1100);
        CorrelationWindow avg = window("value_avg", 60 * MIN, Map.of("field", "bytes", "gt", 500), 0);
        List<Outcome> o = run(avg, e(0, "1", "r", "100"), e(1, "2", "r", "1000"));
        assertThat(o.get(1).match().aggregate()).isEqualTo(550);
    }

    @Test
    void conditionsThatCannotBeDecidedOnArrivalAreRefused() {
        assertThatThrownBy(() -> window("event_count", MIN, Map.of("lt", 5), 0))
                .hasMessageContaining("lower bound");
        assertThatThrownBy(() -> window("value_count", MIN, Map.of("gte", 5), 0))
                .hasMessageContaining("condition.field");
        assertThatThrownBy(() -> window("value_percentile", MIN, Map.of("lte", 1), 0))
                .hasMessageContaining("condition.field");
        assertThatThrownBy(() -> window("value_percentile", MIN, Map.of("field", "x"), 0))
                .hasMessageContaining("comparison");
        // a range: fires when the count enters it
        CorrelationWindow range = window("event_count", MIN, Map.of("gt", 1, "lte", 3), 0);
        assertThat(run(range, e(0, "a"), e(1, "b")).get(1).match()).isNotNull();
    }

    /** 99 ordinary process names, then a rare one: its share of the host's window is 1%, the spec example's lte 1. */
    private static Entry[] ninetyNineCommonThen(String rare, long rareTime) {
        Entry[] entries = new Entry[100];
        for (int i = 0; i < 99; i++) {
            entries[i] = e(i * MIN, "c" + i, "proc", i % 3 == 0 ? "svchost.exe" : i % 3 == 1 ? "explorer.exe"
                    : "chrome.exe");
        }
        entries[99] = e(rareTime, "rare", "proc", rare);
        return entries;
    }

    @Test
    void valuePercentileFlagsAValueRareInTheWindowOnArrival() {
        CorrelationWindow w = window("value_percentile", 24 * 60 * MIN, Map.of("field", "Image", "lte", 1), 0);
        List<Outcome> o = run(w, ninetyNineCommonThen("mimikatz.exe", 100 * MIN));
        assertThat(o.subList(0, 99)).as("common values (about 33% each) never match")
                .allSatisfy(x -> assertThat(x.match()).isNull());
        CorrelationWindow.Match match = o.get(99).match();
        assertThat(match).isNotNull();
        assertThat(match.aggregate()).isEqualTo(1.0);
        assertThat(match.contributing()).extracting(Entry::eventId).containsExactly("rare");
        assertThat(match.distinctValues()).containsExactly("mimikatz.exe");
        // a common value arriving after it stays quiet, and so does a replay of the rare event
        assertThat(w.offer(o.get(99).state(), e(101 * MIN, "n", "proc", "chrome.exe")).match()).isNull();
        assertThat(w.offer(o.get(99).state(), e(100 * MIN, "rare", "proc", "mimikatz.exe")).verdict())
                .isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void valuePercentileCountsOnlyTheTrailingTimespanAndNeedsAPopulation() {
        CorrelationWindow w = window("value_percentile", 24 * 60 * MIN, Map.of("field", "Image", "lte", 1), 0);
        // the first event of a group is 100% of its window: never rare
        assertThat(w.offer(null, e(0, "1", "proc", "mimikatz.exe")).match()).isNull();
        // the 99 common events are more than a day old when the rare one arrives: the window holds only it
        assertThat(run(w, ninetyNineCommonThen("mimikatz.exe", 99 * MIN + 24 * 60 * MIN + MIN)).get(99).match())
                .isNull();
        // the same value seen twice in the 100 events is 2%: not within lte 1
        Entry[] twice = ninetyNineCommonThen("mimikatz.exe", 100 * MIN);
        twice[50] = e(50 * MIN, "c50", "proc", "mimikatz.exe");
        assertThat(run(w, twice).get(99).match()).isNull();
        // a lower bound works too: a value that dominates the group's window
        CorrelationWindow dominant = window("value_percentile", 60 * MIN, Map.of("field", "dst", "gte", 90), 0);
        List<Outcome> o = run(dominant, e(0, "1", "r", "a"), e(1, "2", "r", "a"));
        assertThat(o.get(1).match().aggregate()).isEqualTo(100.0);
    }

    @Test
    void valuePercentileStateRoundTripsThroughTheStoreFormat() {
        CorrelationWindow w = window("value_percentile", 24 * 60 * MIN, Map.of("field", "Image", "lte", 1), 0);
        Entry[] entries = ninetyNineCommonThen("mimikatz.exe", 100 * MIN);
        State state = null;
        for (int i = 0; i < 99; i++) {
            // the processor stores the state as JSON between events (Kafka Streams store); restore each time
            State offered = w.offer(state, entries[i]).state();
            state = soc.events.EventJson.read(soc.events.EventJson.write(offered), State.class);
        }
        assertThat(state.entries()).hasSize(99);
        assertThat(w.offer(state, entries[99]).match()).isNotNull();
    }
}
