package soc.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TenantIdsTest {
    /** The pattern the production loop replaced: the reference it must agree with. */
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    @Test
    void validTenantIdsAreShortLowercaseSlugs() {
        assertThat(TenantIds.isValid("cardiff-council")).isTrue();
        assertThat(TenantIds.isValid("a1")).isTrue();
        assertThat(TenantIds.isValid("0-")).isTrue();
        assertThat(TenantIds.isValid("a".repeat(40))).isTrue();
        assertThat(TenantIds.isValid("a".repeat(41))).isFalse();
        assertThat(TenantIds.isValid("a")).isFalse();
        assertThat(TenantIds.isValid("-ab")).isFalse();
        assertThat(TenantIds.isValid("Cardiff")).isFalse();
        assertThat(TenantIds.isValid("card iff")).isFalse();
        assertThat(TenantIds.isValid("caf\u00e9")).isFalse();
        assertThat(TenantIds.isValid("")).isFalse();
        assertThat(TenantIds.isValid(null)).isFalse();
    }

    @Test
    void theLoopAgreesWithThePatternOnEveryShortString() {
        List<String> candidates = new ArrayList<>();
        String alphabet = "az09-_A.\u00e9";
        for (char a : alphabet.toCharArray()) {
            candidates.add(String.valueOf(a));
            for (char b : alphabet.toCharArray()) {
                candidates.add("" + a + b);
                for (char c : alphabet.toCharArray()) {
                    candidates.add("" + a + b + c);
                }
            }
        }
        candidates.add("a".repeat(39) + "-");
        candidates.add("-" + "a".repeat(39));
        for (String candidate : candidates) {
            assertThat(TenantIds.isValid(candidate)).as(candidate).isEqualTo(VALID.matcher(candidate).matches());
        }
    }
}
