package soc.tenants.assets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;
import soc.tenants.sources.Cidr;
import soc.tenants.tenants.TenantRepository;

/**
 * The asset inventory of each tenant: register, list and delete assets, every change audited. Everything runs in the
 * caller's tenant scope: row-level security hides other tenants' assets and refuses rows written for them.
 *
 * <p>Within a tenant an asset name is unique and one network belongs to one asset; networks of different assets may
 * nest (a /24 for a cell, a /32 for one PLC in it): the most specific one wins in {@link AssetLookup}.
 */
@Service
public class AssetService {
    private final AssetRepository assets;
    private final TenantRepository tenants;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AssetLookup lookup;

    AssetService(AssetRepository assets, TenantRepository tenants, JdbcClient jdbc, AuditLog audit, AssetLookup lookup) {
        this.assets = assets;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.audit = audit;
        this.lookup = lookup;
    }

    /**
     * Registers an asset for a tenant.
     *
     * @throws IllegalArgumentException for an unknown tenant, a name already used or an address already given to
     *                                  another asset of the tenant
     */
    @Transactional
    public Asset create(String actor, String tenantId, AssetSpec spec) {
        requireTenant(tenantId);
        Inventory inventory = inventoryOf(tenantId);
        inventory.check(spec);
        Asset asset = assets.save(new Asset(tenantId, spec, actor));
        audit.record(actor, tenantId, "asset.created", describe(spec));
        lookup.expire();
        return asset;
    }

    /**
     * Registers many assets at once (a CSV import): each row is checked against the tenant's inventory and the rows
     * before it; the valid ones are saved, the others come back with their reason. One audit entry for the import.
     */
    @Transactional
    public List<RowOutcome> createAll(String actor, String tenantId, List<AssetCsvImport.Row> rows) {
        requireTenant(tenantId);
        Inventory inventory = inventoryOf(tenantId);
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        List<Asset> valid = new ArrayList<>();
        for (AssetCsvImport.Row row : rows) {
            try {
                inventory.check(row.spec());
                inventory.add(row.spec());
                valid.add(new Asset(tenantId, row.spec(), actor));
                outcomes.add(new RowOutcome(row.line(), null));
            } catch (IllegalArgumentException e) {
                outcomes.add(new RowOutcome(row.line(), e.getMessage()));
            }
        }
        if (!valid.isEmpty()) {
            assets.saveAll(valid);
            audit.record(actor, tenantId, "assets.imported", valid.size() + " assets from CSV, "
                    + (rows.size() - valid.size()) + " lines refused");
            lookup.expire();
        }
        return outcomes;
    }

    @Transactional(readOnly = true)
    public List<Asset> forTenant(String tenantId) {
        return assets.findByTenantIdOrderByNameAsc(tenantId);
    }

    /** Deletes an asset of the tenant; false when there is none with that id (for this tenant and scope). */
    @Transactional
    public boolean delete(String actor, String tenantId, UUID assetId) {
        Asset asset = assets.findById(assetId).filter(found -> found.getTenantId().equals(tenantId)).orElse(null);
        if (asset == null) {
            return false;
        }
        assets.delete(asset);
        audit.record(actor, tenantId, "asset.deleted", asset.getName() + " (" + asset.getType() + ")");
        lookup.expire();
        return true;
    }

    private void requireTenant(String tenantId) {
        if (tenantId == null || !tenants.existsById(tenantId)) {
            throw new IllegalArgumentException("Unknown tenant " + tenantId);
        }
    }

    private Inventory inventoryOf(String tenantId) {
        Inventory inventory = new Inventory();
        jdbc.sql("select name from asset where tenant_id = ?").param(tenantId)
                .query((rs, n) -> rs.getString(1)).list().forEach(inventory.names::add);
        jdbc.sql("""
                        select text(d.cidr) as cidr, a.name
                          from asset_address d join asset a on a.asset_id = d.asset_id
                         where d.tenant_id = ?""").param(tenantId)
                .query((rs, n) -> Map.entry(Cidr.parse(rs.getString("cidr")), rs.getString("name")))
                .list().forEach(entry -> inventory.addresses.put(entry.getKey(), entry.getValue()));
        return inventory;
    }

    private static String describe(AssetSpec spec) {
        return spec.name() + " (" + spec.type() + ", " + spec.criticality() + ")"
                + (spec.addresses().isEmpty() ? "" : " " + spec.addresses());
    }

    /** The outcome of one CSV row: {@code error} is null when the asset was saved. */
    public record RowOutcome(int line, String error) {
    }

    /** A tenant's names and networks, to refuse duplicates with a readable reason before the database would. */
    private static final class Inventory {
        private final Set<String> names = new HashSet<>();
        private final Map<Cidr, String> addresses = new HashMap<>();

        void check(AssetSpec spec) {
            if (names.contains(spec.name())) {
                throw new IllegalArgumentException("an asset named '" + spec.name() + "' already exists");
            }
            for (Cidr cidr : spec.addresses()) {
                String owner = addresses.get(cidr);
                if (owner != null) {
                    throw new IllegalArgumentException("address " + cidr + " already belongs to asset '" + owner + "'");
                }
            }
        }

        void add(AssetSpec spec) {
            names.add(spec.name());
            spec.addresses().forEach(cidr -> addresses.put(cidr, spec.name()));
        }
    }
}
