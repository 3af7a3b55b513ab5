package soc.tenants.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in. Tenant-scoped roles carry their tenant; provider roles carry none. */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "user_id")
    private Long id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "tenant_id")
    private String tenantId;
    private boolean enabled = true;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    private String email;
    @Column(name = "mfa_secret")
    private String mfaSecret;
    @Column(name = "mfa_enabled_at")
    private Instant mfaEnabledAt;
    @Column(name = "mfa_last_step")
    private Long mfaLastStep;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String passwordHash, Role role, String tenantId) {
        if (role.isTenantScoped() != (tenantId != null)) {
            throw new IllegalArgumentException(role.isTenantScoped()
                    ? "Role " + role + " needs a tenant" : "Role " + role + " cannot belong to a tenant");
        }
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.tenantId = tenantId;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public String getTenantId() {
        return tenantId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void loginFailed(int maxFailures, Instant lockUntil) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = lockUntil;
            failedLogins = 0;
        }
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Whether the user has a confirmed TOTP second factor. */
    public boolean isMfaEnrolled() {
        return mfaEnabledAt != null && mfaSecret != null;
    }

    public Instant getMfaEnabledAt() {
        return mfaEnabledAt;
    }

    String getMfaSecret() {
        return mfaSecret;
    }

    long mfaLastStep() {
        return mfaLastStep == null ? Long.MIN_VALUE : mfaLastStep;
    }

    void enrolMfa(String storedSecret, long step) {
        mfaSecret = storedSecret;
        mfaEnabledAt = Instant.now();
        mfaLastStep = step;
    }

    void mfaUsed(long step) {
        mfaLastStep = step;
    }

    void resetMfa() {
        mfaSecret = null;
        mfaEnabledAt = null;
        mfaLastStep = null;
    }

    void setEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.trim();
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setRole(Role role) {
        if (role.isTenantScoped() != (tenantId != null)) {
            throw new IllegalArgumentException(tenantId != null
                    ? "A tenant user can only have a tenant role" : "A provider user can only have a provider role");
        }
        this.role = role;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
