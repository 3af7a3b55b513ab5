package soc.detect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.detect.rules.BuiltInRules;
import soc.detect.sigma.SigmaEngine;
import soc.events.RuleInfo;

/** The catalog soc-detect publishes: every loaded rule with the id its alerts carry, ATT&CK, logsource and origin. */
class RuleCatalogBuilderTest {

    @Test
    void describesBuiltInRulesPacksAndDirectoryRules() {
        SigmaEngine engine = SigmaEngine.builder()
                .addYaml("""
                        title: Modbus write
                        id: 11111111-0000-0000-0000-000000000001
                        author: SOC platform team
                        level: high
                        tags: [attack.t0855, attack.impair-process-control]
                        logsource: {product: ot, service: modbus}
                        detection: {sel: {ot.function_code: 6}, condition: sel}
                        """, "classpath:sigma/packs/ot/ot_modbus_write.yml")
                .addYaml("""
                        title: No id here
                        level: low
                        tags: [attack.execution, attack.t1059.001]
                        logsource: {product: windows, category: process_creation}
                        detection: {sel: {Image|endswith: '\\\\powershell.exe'}, condition: sel}
                        """, "/srv/sigma/rules/windows/process_creation/x.yml")
                .build();
        List<RuleInfo> catalog = new RuleCatalogBuilder(List.of("/srv/sigma/rules"))
                .build(BuiltInRules.all(), engine, Instant.EPOCH);
        Map<String, RuleInfo> byId = new java.util.HashMap<>();
        catalog.forEach(r -> byId.put(r.ruleId(), r));

        assertThat(byId.get(BuiltInRules.CREDENTIAL_DUMPING_TOOL.id())).satisfies(r -> {
            assertThat(r.origin()).isEqualTo("builtin");
            assertThat(r.techniques()).containsExactly("T1003");
            assertThat(r.yaml()).isNull();
        });
        assertThat(byId.get("11111111-0000-0000-0000-000000000001")).satisfies(r -> {
            assertThat(r.origin()).isEqualTo("pack");
            assertThat(r.pack()).isEqualTo("ot");
            assertThat(r.techniques()).containsExactly("T0855");
            assertThat(r.tactics()).containsExactly("impair-process-control");
            assertThat(r.product()).isEqualTo("ot");
            assertThat(r.service()).isEqualTo("modbus");
            assertThat(r.author()).isEqualTo("SOC platform team");
        });
        // without an id, alerts carry "sigma:<title>" (AlertFactory): the catalog uses the same id
        assertThat(byId.get("sigma:No id here")).satisfies(r -> {
            assertThat(r.origin()).isEqualTo("directory");
            assertThat(r.pack()).isEqualTo("windows/process_creation");
            assertThat(r.tactics()).containsExactly("execution");
            assertThat(r.author()).startsWith("unknown");
        });
    }
}
