package soc.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void sameInputsGiveTheSameIdAndPartBoundariesCount() {
        assertThat(Ids.of("rule", "event-1")).isEqualTo(Ids.of("rule", "event-1")).hasSize(32).matches("[0-9a-f]+");
        assertThat(Ids.of("rule", "event-1")).isNotEqualTo(Ids.of("rule", "event-2"));
        assertThat(Ids.of("ab", "c")).isNotEqualTo(Ids.of("a", "bc"));
    }
}
