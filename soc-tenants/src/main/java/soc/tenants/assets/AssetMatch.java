package soc.tenants.assets;

import java.util.Locale;
import java.util.UUID;

import soc.tenants.sources.Criticality;

/**
 * What {@link AssetLookup} knows about an asset, with the values written into events prepared once per snapshot
 * (lower-case keywords such as {@code plc} and {@code high}), so enriching an event allocates nothing per field.
 */
public final class AssetMatch {
    private final UUID assetId;
    private final String tenantId;
    private final String name;
    private final AssetType type;
    private final Criticality criticality;
    private final String criticalityValue;
    private final Integer purdueLevel;
    private final String zone;

    public AssetMatch(UUID assetId, String tenantId, String name, AssetType type, Criticality criticality,
                      Integer purdueLevel, String zone) {
        this.assetId = assetId;
        this.tenantId = tenantId;
        this.name = name;
        this.type = type;
        this.criticality = criticality;
        this.criticalityValue = criticality.name().toLowerCase(Locale.ROOT);
        this.purdueLevel = purdueLevel;
        this.zone = zone;
    }

    public UUID assetId() {
        return assetId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public AssetType type() {
        return type;
    }

    /** {@code plc}, {@code server}, {@code engineering_workstation}... */
    public String typeValue() {
        return type.fieldValue();
    }

    public Criticality criticality() {
        return criticality;
    }

    /** {@code low}, {@code medium}, {@code high}, {@code critical}. */
    public String criticalityValue() {
        return criticalityValue;
    }

    /** Purdue level 0-5, or null. */
    public Integer purdueLevel() {
        return purdueLevel;
    }

    /** The zone, or null. */
    public String zone() {
        return zone;
    }

    /** The OT device role ({@code plc}, {@code hmi}...) for OT assets, null for IT assets. */
    public String otDeviceRole() {
        return type.isOt() ? type.fieldValue() : null;
    }

    @Override
    public String toString() {
        return "AssetMatch[" + tenantId + "/" + name + " " + type + "]";
    }
}
