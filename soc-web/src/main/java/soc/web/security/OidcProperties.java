package soc.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an external OpenID Connect provider. The provider itself is configured with Spring
 * Boot's standard properties ({@code spring.security.oauth2.client.registration.<id>.client-id},
 * {@code client-secret}, {@code scope}, {@code spring.security.oauth2.client.provider.<id>.issuer-uri}); these
 * settings say how its users map to local accounts. Nobody is provisioned automatically: a person signs in
 * through the provider only when a local account matches.
 *
 * @param claim  the ID token / user info claim that identifies the person (e.g. email, preferred_username)
 * @param matchBy which local field the claim is compared with: EMAIL or USERNAME
 */
@ConfigurationProperties("soc.web.oidc")
public record OidcProperties(@DefaultValue("email") String claim, @DefaultValue("EMAIL") MatchBy matchBy) {

    public enum MatchBy { EMAIL, USERNAME }
}
