package soc.tenants.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    // The scope must be set before the transaction takes its connection, hence the template inside the scope.
    private void updateAfterSignIn(String username, boolean success) {
        transactions.executeWithoutResult(status -> {
        Optional<AppUser> found = users.findByUsername(username);
        found.ifPresent(user -> {
            if (success) {
                user.loginSucceeded();
            } else {
                user.loginFailed(MAX_FAILED_LOGINS, Instant.now().plus(LOCKOUT));
            }
            users.save(user);
        });
        audit.record(username, found.map(AppUser::getTenantId).orElse(null),
                success ? "login.success" : "login.failure", found.isPresent() ? null : "unknown user");
        });
    }
}
