package soc.web.assets;

import java.io.Serializable;

import soc.tenants.assets.AssetSpec;

/** The add-asset form: text as typed, validated by {@link AssetSpec#parse}. */
public class AssetForm implements Serializable {
    private String name;
    private String addresses;
    private String type = "SERVER";
    private String criticality = "MEDIUM";
    private String purdueLevel;
    private String zone;
    private String owner;

    public AssetSpec toSpec() {
        return AssetSpec.parse(name, addresses, type, criticality, purdueLevel, zone, owner);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCriticality() {
        return criticality;
    }

    public void setCriticality(String criticality) {
        this.criticality = criticality;
    }

    public String getPurdueLevel() {
        return purdueLevel;
    }

    public void setPurdueLevel(String purdueLevel) {
        this.purdueLevel = purdueLevel;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
