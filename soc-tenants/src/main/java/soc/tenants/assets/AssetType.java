package soc.tenants.assets;

import java.util.Locale;

/** What an asset is. The OT types are the devices of an industrial control system (Purdue levels 0-3). */
public enum AssetType {
    SERVER(false), WORKSTATION(false), LAPTOP(false), NETWORK_DEVICE(false),
    PLC(true), HMI(true), RTU(true), ENGINEERING_WORKSTATION(true), HISTORIAN(true), SCADA_SERVER(true),
    SAFETY_SYSTEM(true),
    IOT(false), OTHER(false);

    private final boolean ot;
    private final String fieldValue;

    AssetType(boolean ot) {
        this.ot = ot;
        this.fieldValue = name().toLowerCase(Locale.ROOT);
    }

    /** True for industrial control system devices: events towards them get {@code ot.device_role}. */
    public boolean isOt() {
        return ot;
    }

    /** The value written into events ({@code plc}, {@code engineering_workstation}). */
    public String fieldValue() {
        return fieldValue;
    }
}
