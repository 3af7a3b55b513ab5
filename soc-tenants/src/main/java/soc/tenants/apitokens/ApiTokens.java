package soc.tenants.apitokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.tokens.BearerSecrets;
import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.AppUser;
import soc.tenants.users.UserAccounts;

/**
 * Personal API tokens: a user creates named tokens with an expiry, lists and revokes them; a token
 * authenticates REST calls as its user. Tokens carry 256 random bits, so a plain SHA-256 is the right storage
 * hash (a slow password hash would add nothing against guessing). There is no verification cache: a revoked
 * or expired token is refused on the very next request.
 */
@Service
public class ApiTokens {
    public static final String TOKEN_PREFIX = "soc_pat_";
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final int MAX_NAME = 80;

    private final ApiTokenRepository tokens;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    ApiTokens(ApiTokenRepository tokens, UserAccounts accounts, AuditLog audit,
              PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Creates a token for the signed-in user, valid for {@code lifetime} (1 day to 366 days). */
    public IssuedApiToken create(String username, String name, Duration lifetime) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new IllegalArgumentException("A token needs a name of 1 to " + MAX_NAME + " characters");
        }
        if (lifetime == null || lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("A token expires after 1 to 366 days");
        }
        AppUser user = accounts.findForSignIn(username).orElseThrow();
        String token = BearerSecrets.generate(TOKEN_PREFIX);
        Instant now = clock.instant();
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> transactions.execute(status -> {
            ApiToken saved = tokens.save(new ApiToken(user.getId(), user.getTenantId(), cleanName,
                    BearerSecrets.sha256(token),
                    token.substring(0, TOKEN_PREFIX.length() + 6), now, now.plus(lifetime)));
            audit.record(username, user.getTenantId(), "api-token.created",
                    cleanName + ", " + saved.getPrefix() + "…, expires " + saved.getExpiresAt());
            return new IssuedApiToken(saved, token);
        }));
    }

    /** The user's own tokens, newest first (prefixes only). */
    public List<ApiToken> ofUser(String username) {
        AppUser user = accounts.findForSignIn(username).orElseThrow();
        return TenantScope.call(TenantScope.ALL_TENANTS,
                () -> transactions.execute(status -> tokens.findByUserIdOrderByCreatedAtDesc(user.getId())));
    }

    /** Revokes one of the user's own tokens; another user's token is "not found". */
    public void revoke(String username, UUID tokenId) {
        AppUser user = accounts.findForSignIn(username).orElseThrow();
        TenantScope.run(TenantScope.ALL_TENANTS, () -> transactions.executeWithoutResult(status -> {
            ApiToken token = tokens.findById(tokenId).filter(t -> t.getUserId() == user.getId())
                    .orElseThrow(() -> new NoSuchElementException("Unknown token " + tokenId));
            token.revoke(clock.instant());
            tokens.save(token);
            audit.record(username, token.getTenantId(), "api-token.revoked", token.getName() + ", " + token.getPrefix() + "…");
        }));
    }

    /** Resolves a presented token to its owner, or empty when unknown, revoked or expired. */
    public Optional<ApiTokenOwner> verify(String presented) {
        if (presented == null || !presented.startsWith(TOKEN_PREFIX) || presented.length() > 128) {
            return Optional.empty();
        }
        String hash = BearerSecrets.sha256(presented);
        Instant now = clock.instant();
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> transactions.execute(status ->
                tokens.findBySha256(hash).filter(token -> token.isActiveAt(now)).flatMap(token -> {
                    if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minusSeconds(60))) {
                        token.used(now);
                        tokens.save(token);
                    }
                    return accounts.find(token.getUserId())
                            .map(user -> new ApiTokenOwner(token.getId(), user.getUsername()));
                })));
    }

}
