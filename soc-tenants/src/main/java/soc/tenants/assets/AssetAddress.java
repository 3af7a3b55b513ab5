package soc.tenants.assets;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.ColumnTransformer;

/** One network of an asset (table {@code asset_address}); carries the tenant so row-level security applies per row. */
@Embeddable
public class AssetAddress {
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(name = "cidr", nullable = false)
    @ColumnTransformer(read = "text(cidr)", write = "cast(? as cidr)")
    private String cidr;

    protected AssetAddress() {
    }

    AssetAddress(String tenantId, String cidr) {
        this.tenantId = tenantId;
        this.cidr = cidr;
    }

    public String getTenantId() {
        return tenantId;
    }

    /** PostgreSQL's text form, e.g. {@code 10.1.2.3/32} or {@code 10.1.2.0/24}. */
    public String getCidr() {
        return cidr;
    }

    /** For display: a single host without its {@code /32} or {@code /128}. */
    public String getDisplay() {
        if (cidr.endsWith("/32") && cidr.indexOf(':') < 0) {
            return cidr.substring(0, cidr.length() - 3);
        }
        if (cidr.endsWith("/128")) {
            return cidr.substring(0, cidr.length() - 4);
        }
        return cidr;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssetAddress that && Objects.equals(tenantId, that.tenantId) && Objects.equals(cidr, that.cidr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, cidr);
    }

    @Override
    public String toString() {
        return getDisplay();
    }
}
