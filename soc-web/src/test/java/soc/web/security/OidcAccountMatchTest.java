package soc.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import soc.tenants.users.AppUser;

/** How an identity provider's claims name a local account: configured claim, e-mail or username, never invented. */
class OidcAccountMatchTest {
    private final List<String> emailLookups = new ArrayList<>();
    private final List<String> usernameLookups = new ArrayList<>();

    private OidcAccountMatch match(String claim, OidcProperties.MatchBy by) {
        return new OidcAccountMatch(new OidcProperties(claim, by),
                email -> { emailLookups.add(email); return Optional.<AppUser>empty(); },
                username -> { usernameLookups.add(username); return Optional.<AppUser>empty(); });
    }

    @Test
    void byDefaultTheVerifiedEmailClaimIsComparedWithTheLocalEmail() {
        OidcAccountMatch match = match("email", OidcProperties.MatchBy.EMAIL);
        assertThat(match.account(Map.of("sub", "123", "email", " Alice@Council.example ", "email_verified", true))).isEmpty();
        assertThat(emailLookups).containsExactly("Alice@Council.example");
        assertThat(usernameLookups).isEmpty();
    }

    @Test
    void anUnverifiedEmailNamesNobody() {
        OidcAccountMatch match = match("email", OidcProperties.MatchBy.EMAIL);
        assertThat(match.identity(Map.of("email", "alice@council.example", "email_verified", false))).isEmpty();
        assertThat(match.account(Map.of("email", "alice@council.example", "email_verified", false))).isEmpty();
        assertThat(emailLookups).isEmpty();
    }

    @Test
    void anotherClaimCanNameTheLocalUsername() {
        OidcAccountMatch match = match("preferred_username", OidcProperties.MatchBy.USERNAME);
        match.account(Map.of("preferred_username", "alice", "email", "x@y"));
        assertThat(usernameLookups).containsExactly("alice");
        assertThat(emailLookups).isEmpty();
    }

    @Test
    void aMissingBlankOrNonTextClaimNamesNobody() {
        OidcAccountMatch match = match("preferred_username", OidcProperties.MatchBy.USERNAME);
        assertThat(match.account(Map.of("sub", "1"))).isEmpty();
        assertThat(match.account(Map.of("preferred_username", "  "))).isEmpty();
        assertThat(match.account(Map.of("preferred_username", 42))).isEmpty();
        assertThat(usernameLookups).isEmpty();
    }
}
