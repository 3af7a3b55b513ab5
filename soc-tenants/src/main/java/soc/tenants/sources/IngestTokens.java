package soc.tenants.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.tokens.BearerSecrets;
import soc.tenants.audit.AuditLog;
import soc.tenants.onboarding.ChecklistItem;
import soc.tenants.onboarding.Onboarding;
import soc.tenants.scope.TenantScope;

/**
 * Issues, verifies and revokes per-source ingest tokens. Tokens carry 256 random bits, so a plain SHA-256 is
 * the right storage hash: a slow password hash would add nothing against guessing and would cost every request.
 * Verified tokens are cached briefly because the ingest edge checks one per request.
 */
@Service
public class IngestTokens {
    static final String TOKEN_PREFIX = "soc_ing_";
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final IngestTokenRepository tokens;
    private final SourceRepository sources;
    private final AuditLog audit;
    private final Onboarding onboarding;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, CachedIdentity> cache = new ConcurrentHashMap<>();

    IngestTokens(IngestTokenRepository tokens, SourceRepository sources, AuditLog audit, Onboarding onboarding,
                 PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.sources = sources;
        this.audit = audit;
        this.onboarding = onboarding;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /** Issues a new token for a source; the caller's scope must allow the source's tenant. */
    public IssuedToken issue(String actor, UUID sourceId) {
        return transactions.execute(status -> {
            Source source = sources.findById(sourceId)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown source " + sourceId));
            String token = BearerSecrets.generate(TOKEN_PREFIX);
            IngestToken saved = tokens.save(new IngestToken(source.getTenantId(), sourceId, BearerSecrets.sha256(token),
                    token.substring(0, TOKEN_PREFIX.length() + 6), actor));
            audit.record(actor, source.getTenantId(), "ingest-token.issued",
                    "source " + source.getName() + ", token " + saved.getPrefix() + "…");
            onboarding.observed(source.getTenantId(), ChecklistItem.TOKEN_ISSUED, actor);
            return new IssuedToken(saved, token);
        });
    }

    /** Rotation: revokes every active token of the source and issues a new one, in one transaction. */
    public IssuedToken rotate(String actor, UUID sourceId) {
        return transactions.execute(status -> {
            for (IngestToken token : tokens.findBySourceIdOrderByCreatedAtDesc(sourceId)) {
                if (token.isActive()) {
                    token.revoke();
                    tokens.save(token);
                    audit.record(actor, token.getTenantId(), "ingest-token.revoked", token.getPrefix() + "…");
                }
            }
            cache.clear();
            return issue(actor, sourceId);
        });
    }

    /** Tokens of a source, newest first (prefixes only: the secrets are never stored). */
    public java.util.List<IngestToken> ofSource(UUID sourceId) {
        return transactions.execute(status -> tokens.findBySourceIdOrderByCreatedAtDesc(sourceId));
    }

    public void revoke(String actor, UUID tokenId) {
        transactions.executeWithoutResult(status -> {
            IngestToken token = tokens.findById(tokenId)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown token " + tokenId));
            token.revoke();
            tokens.save(token);
            audit.record(actor, token.getTenantId(), "ingest-token.revoked", token.getPrefix() + "…");
        });
        cache.clear();
    }

    /** Resolves a presented token to its source, or empty when unknown or revoked. */
    public Optional<SourceIdentity> verify(String presented) {
        if (presented == null || !presented.startsWith(TOKEN_PREFIX) || presented.length() > 128) {
            return Optional.empty();
        }
        String hash = BearerSecrets.sha256(presented);
        Instant now = clock.instant();
        CachedIdentity cached = cache.get(hash);
        if (cached != null && cached.expires.isAfter(now)) {
            return cached.identity;
        }
        Optional<SourceIdentity> identity = TenantScope.call(TenantScope.ALL_TENANTS,
                () -> transactions.execute(status -> tokens.findBySha256(hash)
                        .filter(IngestToken::isActive)
                        .flatMap(token -> sources.findById(token.getSourceId()))
                        .map(source -> new SourceIdentity(source.getTenantId(), source.getId(), source.getFormat()))));
        cache.put(hash, new CachedIdentity(identity, now.plus(CACHE_TTL)));
        return identity;
    }


    private record CachedIdentity(Optional<SourceIdentity> identity, Instant expires) {
    }
}
