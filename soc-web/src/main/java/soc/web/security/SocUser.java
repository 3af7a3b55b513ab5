package soc.web.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import soc.tenants.scope.TenantScope;
import soc.tenants.users.AppUser;
import soc.tenants.users.Role;

/** The signed-in user, with the tenant scope that follows from the role. */
public class SocUser extends User {
    private final Role role;
    private final String tenantId;
    private final String displayName;
    private final boolean mfaEnrolled;

    SocUser(AppUser user, boolean locked) {
        this(user.getUsername(), user.getPasswordHash(), user.getDisplayName(), user.getRole(), user.getTenantId(),
                user.isEnabled(), locked, user.isMfaEnrolled());
    }

    SocUser(String username, String passwordHash, String displayName, Role role, String tenantId, boolean enabled,
            boolean locked, boolean mfaEnrolled) {
        super(username, passwordHash, enabled, true, true, !locked, authorities(role));
        this.role = role;
        this.tenantId = tenantId;
        this.displayName = displayName;
        this.mfaEnrolled = mfaEnrolled;
    }

    /** Whether the account had a TOTP second factor when this sign-in began. */
    public boolean isMfaEnrolled() {
        return mfaEnrolled;
    }

    private static Collection<GrantedAuthority> authorities(Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    public Role getRole() {
        return role;
    }

    /** The user's tenant, or null for provider-side users. */
    public String getTenantId() {
        return tenantId;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** What row-level security lets this user see: one tenant, or all for provider-side roles. */
    public String tenantScope() {
        return role.isTenantScoped() ? tenantId : TenantScope.ALL_TENANTS;
    }
}
