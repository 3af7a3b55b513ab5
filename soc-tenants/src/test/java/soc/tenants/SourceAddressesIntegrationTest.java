package soc.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.Cidr;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceAddress;
import soc.tenants.sources.SourceAddresses;
import soc.tenants.sources.SourceIdentity;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

@SpringBootTest
class SourceAddressesIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    TenantService tenants;
    @Autowired
    SourceService sources;
    @Autowired
    SourceAddresses addresses;
    @Autowired
    AuditLog audit;

    private Source newSource(String tenant, String name, String format) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            if (tenants.find(tenant).isEmpty()) {
                tenants.register("officer", tenant, tenant, TenantKind.OTHER, null);
            }
            return sources.register("officer", tenant, name, SourceType.FIREWALL, format, IngestMethod.SYSLOG);
        });
    }

    private static String tenantId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random 10.x.y.0/24 so test runs in one database do not collide. */
    private static String net() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256);
    }

    @Test
    void theMostSpecificNetworkWinsAndRegistrationsAreListedAndAudited() throws Exception {
        String tenant = tenantId("adr");
        Source firewall = newSource(tenant, "fw", "cef");
        Source plc = newSource(tenant, "plc", "syslog");
        String net = net();

        TenantScope.run(tenant, () -> {
            addresses.register("admin", firewall.getId(), net + ".0/24");
            addresses.register("admin", plc.getId(), net + ".7");
            addresses.register("admin", plc.getId(), net + ".7/32"); // again: no-op
        });

        assertThat(addresses.resolve(InetAddress.getByName(net + ".7")))
                .contains(new SourceIdentity(tenant, plc.getId(), "syslog"));
        assertThat(addresses.resolve(InetAddress.getByName(net + ".8")))
                .contains(new SourceIdentity(tenant, firewall.getId(), "cef"));
        assertThat(addresses.resolve(InetAddress.getByName("192.0.2.99"))).isEmpty();

        List<SourceAddress> listed = TenantScope.call(tenant, () -> addresses.forSource(plc.getId()));
        assertThat(listed).extracting(SourceAddress::cidr).containsExactly(net + ".7/32");
        assertThat(TenantScope.call(tenantId("other"), () -> addresses.forSource(plc.getId()))).isEmpty();
        assertThat(TenantScope.call(tenant, () -> audit.latest()))
                .anyMatch(entry -> entry.getAction().equals("source-address.registered")
                        && entry.getDetail().contains(net + ".7/32"));
    }

    @Test
    void anAddressBelongsToOneSource() {
        String first = tenantId("one");
        String second = tenantId("two");
        Source mine = newSource(first, "fw", "auto");
        Source mineToo = newSource(first, "fw2", "auto");
        Source theirs = newSource(second, "fw", "auto");
        String net = net();
        TenantScope.run(first, () -> addresses.register("admin", mine.getId(), net + ".0/24"));

        assertThatThrownBy(() -> TenantScope.run(second, () -> addresses.register("admin", theirs.getId(), net + ".9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registered for another tenant").hasMessageNotContaining(first);
        assertThatThrownBy(() -> TenantScope.run(second, () -> addresses.register("admin", theirs.getId(), net.substring(0, net.lastIndexOf('.')) + ".0.0/16")))
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> TenantScope.run(first, () -> addresses.register("admin", mineToo.getId(), net + ".0/24")))
                .hasMessageContaining("already registered for source 'fw'");
        // a tenant cannot register for another tenant's source: row-level security hides it
        assertThatThrownBy(() -> TenantScope.run(second, () -> addresses.register("admin", mine.getId(), "192.0.2.1")))
                .hasMessageContaining("Unknown source");
        assertThatThrownBy(() -> TenantScope.run(first, () -> addresses.register("admin", mine.getId(), "10.0.0.1/8")))
                .hasMessageContaining("host bits set");
        assertThatThrownBy(() -> TenantScope.run(first, () -> addresses.register("admin", mine.getId(), "example.org")))
                .hasMessageContaining("not an IP address literal");
    }

    @Test
    void cidrParsingAndMatching() throws Exception {
        assertThat(Cidr.parse("192.0.2.0/24").contains(InetAddress.getByName("192.0.2.200"))).isTrue();
        assertThat(Cidr.parse("192.0.2.0/24").contains(InetAddress.getByName("192.0.3.1"))).isFalse();
        assertThat(Cidr.parse("192.0.2.0/24").contains(InetAddress.getByName("::ffff:192.0.2.5"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::1"))).isTrue();
        assertThat(Cidr.parse("127.0.0.1").toString()).isEqualTo("127.0.0.1/32");
        assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("300.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("1.2.3.4/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
