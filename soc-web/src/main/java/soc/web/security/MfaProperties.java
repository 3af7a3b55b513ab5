package soc.web.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import soc.tenants.users.Role;

/**
 * The TOTP second factor.
 *
 * @param requiredRoles users of these roles must enrol at their next sign-in (e.g. PLATFORM_ADMIN,SOC_LEAD);
 *                      everyone else may enrol voluntarily under "My account"
 * @param encryptionKey Base64 AES-256 key (32 bytes) that encrypts the stored TOTP secrets; when empty they are
 *                      stored unencrypted (still never shown again)
 * @param issuer        the name authenticator apps show next to the account
 */
@ConfigurationProperties("soc.web.mfa")
public record MfaProperties(@DefaultValue Set<Role> requiredRoles, String encryptionKey,
                            @DefaultValue("SOC platform") String issuer) {

    public boolean requiredFor(Role role) {
        return requiredRoles.contains(role);
    }
}
