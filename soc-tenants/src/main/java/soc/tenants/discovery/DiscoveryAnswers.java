package soc.tenants.discovery;

import soc.tenants.sources.SourceType;

/**
 * One completed discovery questionnaire: current tooling, logging per area, MFA, backups, OT presence and
 * staffing. Any answer may be null (not known yet); the roadmap rules only act on answers given.
 *
 * @param firewallVendor   perimeter firewall vendor/product (blank: none or unknown)
 * @param edrProduct       endpoint detection and response product (blank: none)
 * @param siemProduct      existing SIEM or log platform (blank: none)
 * @param securityStaff    people (FTE) working on security on the tenant's side
 */
public record DiscoveryAnswers(String firewallVendor, String edrProduct, String siemProduct,
                               Logging windowsAd, Logging m365Entra, Logging dns, Logging proxy, Logging vpn,
                               Logging emailGateway,
                               MfaCoverage mfa,
                               Boolean offlineBackups, RestoreTest restoreTested,
                               Boolean otPresent, Boolean plcScada, Boolean historian, Boolean otSensor,
                               OutOfHours outOfHours, Integer securityStaff) {

    /** The answer about the log area that feeds a source type, or null when the questionnaire does not ask. */
    public Logging loggingOf(SourceType type) {
        return switch (type) {
            case WINDOWS_AD -> windowsAd;
            case M365_ENTRA -> m365Entra;
            case DNS -> dns;
            case PROXY -> proxy;
            case VPN -> vpn;
            case EMAIL_GATEWAY -> emailGateway;
            default -> null;
        };
    }

    public boolean hasOt() {
        return Boolean.TRUE.equals(otPresent);
    }

    public boolean hasEdr() {
        return edrProduct != null && !edrProduct.isBlank();
    }

    public boolean hasSiem() {
        return siemProduct != null && !siemProduct.isBlank();
    }
}
