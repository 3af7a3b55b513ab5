package soc.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import soc.tenants.assets.Asset;
import soc.tenants.assets.AssetCsvImport;
import soc.tenants.assets.AssetLookup;
import soc.tenants.assets.AssetMatch;
import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;

/** The asset inventory on real PostgreSQL: audited changes, row-level security, CSV import and the look-up. */
@SpringBootTest
class AssetsIntegrationTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        RealPostgres.register(registry);
    }

    @Autowired
    TenantService tenants;
    @Autowired
    AssetService assets;
    @Autowired
    AssetCsvImport csvImport;
    @Autowired
    AssetLookup lookup;
    @Autowired
    AuditLog audit;

    private String newTenant(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TenantScope.run(TenantScope.ALL_TENANTS, () -> tenants.register("officer", id, id, TenantKind.MANUFACTURER, null));
        return id;
    }

    private static String net() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private static AssetSpec spec(String name, String addresses, String type) {
        return AssetSpec.parse(name, addresses, type, "HIGH", null, null, null);
    }

    @Test
    void aTenantScopeSeesAndChangesOnlyItsOwnAssets() {
        String mine = newTenant("ast");
        String theirs = newTenant("ast");
        String net = net();
        Asset plc = TenantScope.call(mine, () -> assets.create("admin", mine,
                AssetSpec.parse("PLC-1", net + ".5", "PLC", "CRITICAL", "1", "OT-cell-1", "plant")));
        TenantScope.run(theirs, () -> assets.create("other", theirs, spec("srv", net + ".5", "SERVER")));

        assertThat(TenantScope.call(mine, () -> assets.forTenant(mine))).singleElement().satisfies(asset -> {
            assertThat(asset.getName()).isEqualTo("PLC-1");
            assertThat(asset.getAddresses()).extracting(a -> a.getCidr()).containsExactly(net + ".5/32");
            assertThat(asset.getPurdueLevel()).isEqualTo(1);
            assertThat(asset.getCreatedAt()).isNotNull();
        });
        // row-level security: another tenant's scope sees nothing, even when asking for that tenant by name
        assertThat(TenantScope.call(theirs, () -> assets.forTenant(mine))).isEmpty();
        assertThat(TenantScope.call(theirs, () -> assets.delete("other", mine, plc.getId()))).isFalse();
        // nor can it write rows for another tenant
        assertThatThrownBy(() -> TenantScope.run(theirs, () -> assets.create("other", mine, spec("x", null, "SERVER"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown tenant");
        assertThat(TenantScope.call(TenantScope.ALL_TENANTS, () -> assets.forTenant(mine))).hasSize(1);

        assertThatThrownBy(() -> TenantScope.run(mine, () -> assets.create("admin", mine, spec("PLC-1", null, "PLC"))))
                .hasMessage("an asset named 'PLC-1' already exists");
        assertThatThrownBy(() -> TenantScope.run(mine, () -> assets.create("admin", mine, spec("PLC-2", net + ".5", "PLC"))))
                .hasMessage("address " + net + ".5/32 already belongs to asset 'PLC-1'");

        assertThat(TenantScope.call(mine, () -> assets.delete("admin", mine, plc.getId()))).isTrue();
        assertThat(TenantScope.call(mine, () -> assets.forTenant(mine))).isEmpty();
        assertThat(TenantScope.call(mine, () -> audit.latest())).extracting(entry -> entry.getAction())
                .contains("asset.created", "asset.deleted");
        assertThat(TenantScope.call(theirs, () -> audit.latest())).extracting(entry -> entry.getAction())
                .doesNotContain("asset.deleted");
    }

    @Test
    void csvImportSavesTheValidLinesAndReportsTheOthers() {
        String tenant = newTenant("csv");
        String net = net();
        TenantScope.run(tenant, () -> assets.create("admin", tenant, spec("existing", net + ".1", "SERVER")));
        String csv = "name,addresses,type,criticality,purdue_level,zone,owner\n"
                + "hmi-1," + net + ".10,HMI,HIGH,2,OT-cell-1,ops\n"
                + "\"plc, cell 1\"," + net + ".11;" + net + ".12,PLC,CRITICAL,1,OT-cell-1,ops\n"
                + "dup-address," + net + ".1,SERVER,,,,\n"
                + "existing,,SERVER,,,,\n"
                + "hmi-1,,HMI,,,,\n"
                + "typo," + net + ".13,PCL,,,,\n";

        AssetCsvImport.Result result = TenantScope.call(tenant, () -> csvImport.importCsv("officer", tenant,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.errors()).containsExactly(
                new AssetCsvImport.LineError(4, "address " + net + ".1/32 already belongs to asset 'existing'"),
                new AssetCsvImport.LineError(5, "an asset named 'existing' already exists"),
                new AssetCsvImport.LineError(6, "an asset named 'hmi-1' already exists"),
                new AssetCsvImport.LineError(7, "unknown type 'PCL' — did you mean PLC?"));
        assertThat(TenantScope.call(tenant, () -> assets.forTenant(tenant))).extracting(Asset::getName)
                .containsExactly("existing", "hmi-1", "plc, cell 1");
        assertThat(TenantScope.call(tenant, () -> audit.latest()))
                .anyMatch(entry -> entry.getAction().equals("assets.imported") && entry.getDetail().startsWith("2 assets"));
    }

    @Test
    void theLookupFindsTheMostSpecificAssetOfTheEventsTenant() throws Exception {
        String tenant = newTenant("lkp");
        String other = newTenant("lkp");
        String net = net();
        TenantScope.run(tenant, () -> {
            assets.create("admin", tenant, AssetSpec.parse("cell-1", net + ".0/24", "NETWORK_DEVICE", "MEDIUM", "2", "OT-cell-1", null));
            assets.create("admin", tenant, AssetSpec.parse("plc-7", net + ".7", "PLC", "CRITICAL", "1", "OT-cell-1", null));
            assets.create("admin", tenant, AssetSpec.parse("site", net.substring(0, net.lastIndexOf('.')) + ".0.0/16",
                    "OTHER", "LOW", null, "site", null));
            assets.create("admin", tenant, spec("v6-host", "2001:db8:1::7", "SERVER"));
        });
        TenantScope.run(other, () -> assets.create("admin", other, spec("their-plc", net + ".8", "PLC")));
        lookup.refresh();

        AssetMatch plc = lookup.match(tenant, net + ".7");
        assertThat(plc.name()).isEqualTo("plc-7");
        assertThat(plc.typeValue()).isEqualTo("plc");
        assertThat(plc.criticalityValue()).isEqualTo("critical");
        assertThat(plc.purdueLevel()).isEqualTo(1);
        assertThat(plc.zone()).isEqualTo("OT-cell-1");
        assertThat(plc.otDeviceRole()).isEqualTo("plc");
        assertThat(lookup.match(tenant, net + ".8").name()).isEqualTo("cell-1"); // not the other tenant's PLC
        assertThat(lookup.match(other, net + ".8").name()).isEqualTo("their-plc");
        assertThat(lookup.match(other, net + ".7")).isNull();
        assertThat(lookup.match(tenant, net.substring(0, net.lastIndexOf('.') + 1) + ((Integer.parseInt(net.substring(net.lastIndexOf('.') + 1)) + 1) % 256) + ".1"))
                .extracting(AssetMatch::name).isEqualTo("site");
        assertThat(lookup.find(tenant, InetAddress.getByName(net + ".7"))).map(AssetMatch::name).contains("plc-7");
        assertThat(lookup.find(tenant, InetAddress.getByName("::ffff:" + net + ".9"))).map(AssetMatch::name).contains("cell-1");
        assertThat(lookup.match(tenant, "2001:db8:1:0::7").name()).isEqualTo("v6-host");
        assertThat(lookup.match(tenant, "2001:db8:1::8")).isNull();
        assertThat(lookup.match(tenant, "192.0.2.1")).isNull();
        assertThat(lookup.match(tenant, "plc-7.example.org")).isNull(); // never resolved
        assertThat(lookup.match(tenant, "10.1.2")).isNull();
        assertThat(lookup.match("no-such-tenant", net + ".7")).isNull();
        assertThat(lookup.match(tenant, net + ".7").otDeviceRole()).isEqualTo("plc");
        assertThat(lookup.match(tenant, net + ".9").otDeviceRole()).isNull();
    }
}
