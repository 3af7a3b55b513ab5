package soc.ingest.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.events.EventJson;

class IsmPolicyTest {

    @Test
    @SuppressWarnings("unchecked")
    void deletesTheTenantsIndicesOnceTheyAreOlderThanItsRetention() {
        Map<String, Object> body = EventJson.readObject(IsmPolicy.json("acme", 30));
        Map<String, Object> policy = (Map<String, Object>) body.get("policy");
        assertThat(policy.get("default_state")).isEqualTo("hot");
        List<Map<String, Object>> states = (List<Map<String, Object>>) policy.get("states");
        assertThat(states).extracting(s -> s.get("name")).containsExactly("hot", "delete");
        assertThat(states.get(0).get("transitions")).isEqualTo(List.of(Map.of("state_name", "delete",
                "conditions", Map.of("min_index_age", "30d"))));
        assertThat(states.get(1).get("actions")).isEqualTo(List.of(Map.of("delete", Map.of())));
        assertThat(states.get(1).get("transitions")).isEqualTo(List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void appliesToNewIndicesOfThatTenantOnlyThroughItsTemplate() {
        Map<String, Object> policy = (Map<String, Object>) EventJson.readObject(IsmPolicy.json("acme", 90)).get("policy");
        List<Map<String, Object>> templates = (List<Map<String, Object>>) policy.get("ism_template");
        assertThat(templates).hasSize(1);
        assertThat(templates.get(0).get("index_patterns")).isEqualTo(List.of("soc-events.acme.*"));
        assertThat(templates.get(0).get("priority")).isEqualTo(IsmPolicy.TEMPLATE_PRIORITY);
        assertThat(IsmPolicy.id("acme")).isEqualTo("soc-events-retention-acme");
    }

    @Test
    void recognisesWhetherAStoredPolicyMatchesTheCurrentSetting() {
        Map<String, Object> stored = Map.of("_id", IsmPolicy.id("acme"), "_seq_no", 3, "_primary_term", 1,
                "policy", EventJson.readObject(IsmPolicy.json("acme", 90)).get("policy"));
        assertThat(IsmPolicy.isCurrent(stored, "acme", 90)).isTrue();
        assertThat(IsmPolicy.isCurrent(stored, "acme", 30)).isFalse();
        assertThat(IsmPolicy.isCurrent(stored, "acme-water", 90)).isFalse();
        assertThat(IsmPolicy.isCurrent(Map.of("error", "x"), "acme", 90)).isFalse();
    }
}
