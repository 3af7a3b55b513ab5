package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static soc.detect.sigma.SigmaModifierTest.compileError;
import static soc.detect.sigma.SigmaModifierTest.ev;
import static soc.detect.sigma.SigmaModifierTest.matches;

import org.junit.jupiter.api.Test;

/** Condition forms: and, or, not, parentheses, precedence, x of pattern, x of them, condition lists. */
class SigmaConditionTest {
    private static final String SELS = "    selection1:\n        A: 'a'\n    selection2:\n        B: 'b'\n"
            + "    filter_x:\n        C: 'c'\n    filter_y:\n        D: 'd'\n    _private:\n        E: 'e'\n";

    private static boolean eval(String condition, Object... kv) {
        return matches(SELS + "    condition: " + condition + "\n", ev(kv));
    }

    @Test
    void andOrNot() {
        assertThat(eval("selection1 and selection2", "A", "a", "B", "b")).isTrue();
        assertThat(eval("selection1 and selection2", "A", "a")).isFalse();
        assertThat(eval("selection1 or selection2", "B", "b")).isTrue();
        assertThat(eval("selection1 and not filter_x", "A", "a")).isTrue();
        assertThat(eval("selection1 and not filter_x", "A", "a", "C", "c")).isFalse();
        assertThat(eval("not selection1", "B", "b")).isTrue();
        assertThat(eval("SELECTION1 AND NOT filter_x".replace("SELECTION1", "selection1"), "A", "a")).isTrue();
    }

    @Test
    void precedenceAndParentheses() {
        // or binds loosest: a or (b and c)
        assertThat(eval("selection1 or selection2 and filter_x", "A", "a")).isTrue();
        assertThat(eval("(selection1 or selection2) and filter_x", "A", "a")).isFalse();
        assertThat(eval("(selection1 or selection2) and filter_x", "B", "b", "C", "c")).isTrue();
        // not binds tighter than and
        assertThat(eval("not selection1 and selection2", "B", "b")).isTrue();
        assertThat(eval("not (selection1 and selection2)", "A", "a", "B", "b")).isFalse();
        assertThat(eval("selection1 and (selection2 or (filter_x and not filter_y))", "A", "a", "C", "c")).isTrue();
    }

    @Test
    void quantifiedPatterns() {
        assertThat(eval("1 of selection*", "B", "b")).isTrue();
        assertThat(eval("all of selection*", "B", "b")).isFalse();
        assertThat(eval("all of selection*", "A", "a", "B", "b")).isTrue();
        assertThat(eval("1 of selection* and not 1 of filter_*", "A", "a")).isTrue();
        assertThat(eval("1 of selection* and not 1 of filter_*", "A", "a", "D", "d")).isFalse();
        assertThat(eval("any of filter_*", "D", "d")).isTrue();
        assertThat(eval("2 of selection* ", "A", "a")).isFalse();
        assertThat(eval("2 of selection* ", "A", "a", "B", "b")).isTrue();
        assertThat(eval("all of *1", "A", "a")).isTrue();
    }

    @Test
    void themExcludesUnderscoreIdentifiers() {
        assertThat(eval("1 of them", "D", "d")).isTrue();
        assertThat(eval("1 of them", "E", "e")).as("_private is not part of them").isFalse();
        assertThat(eval("all of them", "A", "a", "B", "b", "C", "c", "D", "d")).isTrue();
        assertThat(eval("all of them", "A", "a", "B", "b", "C", "c")).isFalse();
        assertThat(eval("_private", "E", "e")).isTrue();
    }

    @Test
    void conditionListsAreOred() {
        String d = SELS + "    condition:\n        - selection1\n        - selection2\n";
        assertThat(matches(d, ev("B", "b"))).isTrue();
        assertThat(matches(d, ev("C", "c"))).isFalse();
    }

    @Test
    void invalidConditionsAreRejected() {
        assertThat(compileError(SELS + "    condition: selection1 and missing\n").getMessage())
                .contains("unknown search identifier 'missing'");
        assertThat(compileError(SELS + "    condition: selection1 | count() by A > 5\n").getMessage())
                .contains("aggregation");
        assertThat(compileError(SELS + "    condition: (selection1\n").getMessage()).contains("missing ')'");
        assertThat(compileError(SELS + "    condition: 1 of nothing*\n").getMessage()).contains("matches no");
        assertThat(compileError(SELS + "    condition: selection1 and\n").kind())
                .isEqualTo(SigmaException.Kind.CONDITION);
    }
}
