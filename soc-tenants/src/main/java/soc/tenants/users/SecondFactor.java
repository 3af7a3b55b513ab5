package soc.tenants.users;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;

/**
 * The TOTP second factor: enrolment (a new secret, confirmed by a first valid code), verification at sign-in
 * (each failure counts towards the account lockout like a wrong password) and reset by an administrator.
 * Sign-in happens before a tenant scope exists, so these run in the platform scope.
 */
@Service
public class SecondFactor {
    private final AppUserRepository users;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final MfaSecretCipher cipher;
    private final Clock clock;

    SecondFactor(AppUserRepository users, AuditLog audit, PlatformTransactionManager transactionManager,
                 ObjectProvider<MfaSecretCipher> cipher) {
        this.users = users;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.cipher = cipher.getIfAvailable(MfaSecretCipher::plain);
        this.clock = Clock.systemUTC();
    }

    public enum Outcome { ACCEPTED, REJECTED, LOCKED }

    /**
     * Confirms an enrolment: the secret (generated for this user and kept in their session only until now) is
     * stored when the code matches it. Returns false, audited, when it does not.
     */
    public boolean enrol(String username, String secret, String code) {
        return inPlatformScope(() -> {
            AppUser user = users.findByUsername(username).orElseThrow();
            OptionalLong step = Totp.verify(secret, code, clock.instant(), Long.MIN_VALUE);
            if (step.isEmpty()) {
                audit.record(username, user.getTenantId(), "mfa.enrolment-failed", "code did not match");
                return false;
            }
            user.enrolMfa(cipher.seal(secret), step.getAsLong());
            users.save(user);
            audit.record(username, user.getTenantId(), "mfa.enrolled", "TOTP authenticator");
            return true;
        });
    }

    /**
     * Checks the code of a user who has passed the password step. A wrong code counts as a failed sign-in
     * (lockout after {@link UserAccounts#MAX_FAILED_LOGINS}); the right one completes the sign-in.
     */
    public Outcome verify(String username, String code) {
        return inPlatformScope(() -> {
            AppUser user = users.findByUsername(username).orElseThrow();
            Instant now = clock.instant();
            if (user.isLockedAt(now) || !user.isEnabled()) {
                audit.record(username, user.getTenantId(), "mfa.failure", "account locked or disabled");
                return Outcome.LOCKED;
            }
            if (!user.isMfaEnrolled()) {
                throw new IllegalStateException(username + " has no second factor");
            }
            OptionalLong step = Totp.verify(cipher.open(user.getMfaSecret()), code, now, user.mfaLastStep());
            if (step.isEmpty()) {
                user.loginFailed(UserAccounts.MAX_FAILED_LOGINS, now.plus(UserAccounts.LOCKOUT));
                users.save(user);
                boolean locked = user.isLockedAt(now);
                audit.record(username, user.getTenantId(), "mfa.failure",
                        locked ? "wrong code; account locked" : "wrong code");
                return locked ? Outcome.LOCKED : Outcome.REJECTED;
            }
            user.mfaUsed(step.getAsLong());
            user.loginSucceeded();
            users.save(user);
            audit.record(username, user.getTenantId(), "login.success", "password and TOTP");
            return Outcome.ACCEPTED;
        });
    }

    /** Removes a user's second factor (lost phone); they enrol again at their next sign-in if their role requires it. */
    public void reset(String actor, String username) {
        inPlatformScope(() -> {
            AppUser user = users.findByUsername(username).orElseThrow();
            user.resetMfa();
            users.save(user);
            audit.record(actor, user.getTenantId(), "mfa.reset", username);
            return null;
        });
    }

    public boolean isEnrolled(String username) {
        return inPlatformScope(() -> users.findByUsername(username).map(AppUser::isMfaEnrolled).orElse(false));
    }

    private <T> T inPlatformScope(java.util.function.Supplier<T> work) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> transactions.execute(status -> work.get()));
    }
}
