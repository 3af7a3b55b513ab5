package soc.tenants.users;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;

/**
 * User accounts: creation with hashed passwords, look-up for sign-in and lockout after repeated failures.
 * Sign-in happens before anyone's tenant is known, so those look-ups run in the platform scope.
 */
@Service
public class UserAccounts {
    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    UserAccounts(AppUserRepository users, PasswordEncoder passwordEncoder, AuditLog audit,
                 PlatformTransactionManager transactionManager) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Transactional
    public AppUser create(String actor, String username, String displayName, String password, Role role,
                          String tenantId) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("User '" + username + "' already exists");
        }
        AppUser user = users.save(new AppUser(username, displayName, passwordEncoder.encode(password), role, tenantId));
        audit.record(actor, tenantId, "user.created", username + " as " + role);
        return user;
    }

    /** Looks a user up for sign-in, across tenants. */
    public Optional<AppUser> findForSignIn(String username) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> users.findByUsername(username));
    }

    public boolean anyPlatformAdmin() {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> users.existsByRole(Role.PLATFORM_ADMIN));
    }

    public void recordSignInFailure(String username) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> updateAfterSignIn(username, false));
    }

    public void recordSignInSuccess(String username) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> updateAfterSignIn(username, true));
    }

    /** A sign-in through the external identity provider, which is then responsible for the second factor. */
    public void recordSingleSignOn(String username, String provider) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> transactions.executeWithoutResult(status -> {
            Optional<AppUser> found = users.findByUsername(username);
            found.ifPresent(user -> {
                user.loginSucceeded();
                users.save(user);
            });
            audit.record(username, found.map(AppUser::getTenantId).orElse(null), "login.success",
                    "single sign-on via " + provider);
        }));
    }

    // The scope must be set before the transaction takes its connection, hence the template inside the scope.
    private void updateAfterSignIn(String username, boolean success) {
        transactions.executeWithoutResult(status -> {
        Optional<AppUser> found = users.findByUsername(username);
        // with a second factor, the password alone completes nothing: failures are reset only after the code
        boolean secondFactorNext = success && found.map(AppUser::isMfaEnrolled).orElse(false);
        found.ifPresent(user -> {
            if (secondFactorNext) {
                return;
            }
            if (success) {
                user.loginSucceeded();
            } else {
                user.loginFailed(MAX_FAILED_LOGINS, Instant.now().plus(LOCKOUT));
            }
            users.save(user);
        });
        audit.record(username, found.map(AppUser::getTenantId).orElse(null),
                secondFactorNext ? "login.password-accepted" : success ? "login.success" : "login.failure",
                found.isPresent() ? (secondFactorNext ? "second factor next" : null) : "unknown user");
        });
    }

    // --- administration of accounts (platform admins; the web layer checks the role) ---

    /** Every account the caller's scope can see, by username. */
    public List<AppUser> list() {
        return transactions.execute(status -> users.findAll(Sort.by("username")));
    }

    public Optional<AppUser> find(long userId) {
        return transactions.execute(status -> users.findById(userId));
    }

    /** The account whose e-mail matches (case-insensitive), across tenants: single sign-on mapping. */
    public Optional<AppUser> findByEmailForSignIn(String email) {
        return TenantScope.call(TenantScope.ALL_TENANTS,
                () -> transactions.execute(status -> users.findByEmailIgnoreCase(email)));
    }

    public AppUser changeRole(String actor, long userId, Role role) {
        return change(actor, userId, user -> {
            if (user.getRole() == Role.PLATFORM_ADMIN && role != Role.PLATFORM_ADMIN && user.isEnabled()
                    && users.countByRoleAndEnabledTrue(Role.PLATFORM_ADMIN) <= 1) {
                throw new IllegalArgumentException("The last platform admin keeps the role");
            }
            user.setRole(role);
            return "role.changed";
        }, user -> user.getUsername() + " is now " + role);
    }

    public AppUser setEnabled(String actor, long userId, boolean enabled) {
        if (!enabled) {
            find(userId).filter(user -> user.getUsername().equals(actor)).ifPresent(user -> {
                throw new IllegalArgumentException("You cannot disable your own account");
            });
        }
        return change(actor, userId, user -> {
            user.setEnabled(enabled);
            return enabled ? "user.enabled" : "user.disabled";
        }, AppUser::getUsername);
    }

    public AppUser setProfile(String actor, long userId, String displayName, String email) {
        if (email != null && !email.isBlank()) {
            users.findByEmailIgnoreCase(email.trim()).filter(other -> other.getId() != userId).ifPresent(other -> {
                throw new IllegalArgumentException("E-mail " + email.trim() + " already belongs to another user");
            });
        }
        return change(actor, userId, user -> {
            if (displayName != null && !displayName.isBlank()) {
                user.setDisplayName(displayName.trim());
            }
            user.setEmail(email);
            return "user.updated";
        }, user -> user.getUsername() + (user.getEmail() == null ? "" : " <" + user.getEmail() + ">"));
    }

    /** Sets a new password (generated by the caller and shown once) and lifts any lockout. */
    public AppUser resetPassword(String actor, long userId, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = passwordEncoder.encode(newPassword);
        return change(actor, userId, user -> {
            user.setPasswordHash(hash);
            user.unlock();
            return "user.password-reset";
        }, AppUser::getUsername);
    }

    public AppUser unlock(String actor, long userId) {
        return change(actor, userId, user -> {
            user.unlock();
            return "user.unlocked";
        }, AppUser::getUsername);
    }

    private AppUser change(String actor, long userId, java.util.function.Function<AppUser, String> change,
                           java.util.function.Function<AppUser, String> detail) {
        return transactions.execute(status -> {
            AppUser user = users.findById(userId)
                    .orElseThrow(() -> new java.util.NoSuchElementException("Unknown user " + userId));
            String action = change.apply(user);
            AppUser saved = users.save(user);
            audit.record(actor, saved.getTenantId(), action, detail.apply(saved));
            return saved;
        });
    }
}
