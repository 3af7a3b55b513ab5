package soc.web.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tenant's custom Sigma rule is checked by the detection engine's parser; each problem names its YAML line. */
class CustomRuleValidatorTest {
    private final CustomRuleValidator validator = new CustomRuleValidator();

    private static final String VALID = """
            title: Backup deletion
            id: 0b6f1c2e-9a1d-4c55-8f0e-3d8a5b7c9e10
            level: high
            logsource: {product: syslog}
            detection:
              selection:
                message|contains: vssadmin delete shadows
              condition: selection
            """;

    @Test
    void aValidRuleGivesItsIdTitleAndLevel() {
        CustomRuleValidator.Result r = validator.validate(VALID);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ruleId()).isEqualTo("0b6f1c2e-9a1d-4c55-8f0e-3d8a5b7c9e10");
        assertThat(r.title()).isEqualTo("Backup deletion");
        assertThat(r.level()).isEqualTo("high");
    }

    @Test
    void problemsCarryTheirLine() {
        assertThat(validator.validate(VALID.replace("message|contains", "message|containz")).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.message()).contains("unknown modifier 'containz'");
                });
        assertThat(validator.validate(VALID.replace("condition: selection", "condition: selection and")).problems())
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(8));
        assertThat(validator.validate(VALID.replace("level: high", "level: [high")).problems())
                .singleElement().satisfies(p -> assertThat(p.line()).isBetween(3, 4));
    }

    @Test
    void aRuleNeedsAnIdAndARoutableLogsource() {
        assertThat(validator.validate(VALID.replace("id: 0b6f1c2e-9a1d-4c55-8f0e-3d8a5b7c9e10\n", "")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("needs an id"));
        assertThat(validator.validate(VALID.replace("{product: syslog}", "{definition: anything}")).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).contains("logsource");
                });
        assertThat(validator.validate("").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
    }

    private static final String CORRELATION = """
            title: Repeated Password Spray From One Source
            id: 5b0c8e0a-3f1d-4e7b-9a51-6c2d7e8f9a01
            level: critical
            correlation:
              type: event_count
              rules: [soc_password_spray_one_source]
              group-by: [IpAddress]
              timespan: 1h
              condition: {gte: 2}
            """;

    /** A correlation rule (here chained onto a platform correlation) is a custom rule too. */
    @Test
    void aCorrelationRuleIsAcceptedWithWhatTheStreamNeeds() {
        CustomRuleValidator.Result r = validator.validate(CORRELATION);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ruleId()).isEqualTo("5b0c8e0a-3f1d-4e7b-9a51-6c2d7e8f9a01");
        assertThat(r.title()).isEqualTo("Repeated Password Spray From One Source");
        assertThat(r.level()).isEqualTo("critical");

        assertThat(validator.validate(CORRELATION.replace("  timespan: 1h\n", "")).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).contains("timespan");
                });
        assertThat(validator.validate(CORRELATION.replace("{gte: 2}", "{lt: 2}")).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.message()).contains("lower bound");
                });
        assertThat(validator.validate(CORRELATION.replace("event_count", "value_count")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("needs the field"));
        assertThat(validator.validate(CORRELATION.replace("{gte: 2}", "{gte: many}")).problems())
                .extracting(CustomRuleValidator.Problem::message).anyMatch(m -> m.contains("not a number"));
        assertThat(validator.validate(CORRELATION.replace("id: 5b0c8e0a-3f1d-4e7b-9a51-6c2d7e8f9a01\n", ""))
                .problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("needs an id"));
        assertThat(validator.validate(VALID + "---\n" + CORRELATION).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("2 documents"));
    }
}
