package soc.web.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A sign-in that has passed the password but not yet the second factor. It carries no role, so every
 * role-protected page refuses it, and {@link MfaGateFilter} sends it to the code (or enrolment) page.
 */
public final class MfaPendingAuthentication extends AbstractAuthenticationToken {
    static final String AUTHORITY = "MFA_PENDING";

    enum Step { VERIFY, ENROL }

    private final SocUser user;
    private final Step step;

    MfaPendingAuthentication(SocUser user, Step step) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.user = user;
        this.step = step;
        setAuthenticated(true);
    }

    Step step() {
        return step;
    }

    SocUser user() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    /** Not the {@link SocUser} itself: nothing that expects a fully signed-in user may accept this one. */
    @Override
    public Object getPrincipal() {
        return new Pending(user.getUsername(), user.getDisplayName());
    }

    @Override
    public String getName() {
        return user.getUsername();
    }

    /** What pages may show about a half-signed-in user. */
    public record Pending(String username, String displayName) {
        public String getDisplayName() {
            return displayName;
        }
    }
}
