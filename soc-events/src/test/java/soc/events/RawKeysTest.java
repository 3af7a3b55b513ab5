package soc.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawKeysTest {

    @Test
    void keyNamesTenantAndSourceSoOneTenantsSourcesGetDifferentKeys() {
        String firewall = RawKeys.of("cardiff", "0b6f8a0e-1c1e-4b7a-9a57-6d1f2f0c7a11");
        String dc = RawKeys.of("cardiff", "5d2c7f3a-9e4b-4f0d-8d6e-2a9b1c3e4f50");
        assertThat(firewall).isEqualTo("cardiff/0b6f8a0e-1c1e-4b7a-9a57-6d1f2f0c7a11");
        assertThat(dc).isNotEqualTo(firewall);
    }

    @Test
    void tenantIsReadBackFromTheKey() {
        assertThat(RawKeys.tenantOf(RawKeys.of("acme-water", "s1"))).isEqualTo("acme-water");
        // keys written before the change were the tenant alone
        assertThat(RawKeys.tenantOf("acme-water")).isEqualTo("acme-water");
    }

    @Test
    void keysThatNameNoValidTenantGiveNone() {
        assertThat(RawKeys.tenantOf(null)).isNull();
        assertThat(RawKeys.tenantOf("/s1")).isNull();
        assertThat(RawKeys.tenantOf("Acme*/s1")).isNull();
        assertThatThrownBy(() -> RawKeys.of("a/b", "s1")).isInstanceOf(IllegalArgumentException.class);
    }
}
