package soc.web.security;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import soc.tenants.users.AppUser;

/**
 * Which local account a provider's claims name: the configured claim, compared with the local e-mail or
 * username. An e-mail the provider marks as unverified names nobody. Plain Java, unit-tested.
 */
final class OidcAccountMatch {
    private final OidcProperties properties;
    private final Function<String, Optional<AppUser>> byEmail;
    private final Function<String, Optional<AppUser>> byUsername;

    OidcAccountMatch(OidcProperties properties, Function<String, Optional<AppUser>> byEmail,
                     Function<String, Optional<AppUser>> byUsername) {
        this.properties = properties;
        this.byEmail = byEmail;
        this.byUsername = byUsername;
    }

    /** The claim's value, if present and usable. */
    Optional<String> identity(Map<String, Object> claims) {
        Object value = claims.get(properties.claim());
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        if ("email".equals(properties.claim()) && Boolean.FALSE.equals(claims.get("email_verified"))) {
            return Optional.empty();
        }
        return Optional.of(text.trim());
    }

    Optional<AppUser> account(Map<String, Object> claims) {
        return identity(claims).flatMap(value -> properties.matchBy() == OidcProperties.MatchBy.EMAIL
                ? byEmail.apply(value) : byUsername.apply(value));
    }
}
