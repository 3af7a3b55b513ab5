package soc.web.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;
import soc.tenants.users.AppUser;
import soc.tenants.users.UserAccounts;

/**
 * Maps a person the OpenID Connect provider vouches for to their local account (never creates one): the
 * account's role and tenant apply, a disabled or locked account is refused like at the sign-in form.
 */
@Service
class SocOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {
    static final String UNKNOWN_USER = "unknown_user";
    static final String ACCOUNT_DISABLED = "account_disabled";

    private final OidcUserService delegate = new OidcUserService();
    private final OidcAccountMatch match;
    private final AuditLog audit;

    SocOidcUserService(UserAccounts accounts, OidcProperties properties, AuditLog audit) {
        this.match = new OidcAccountMatch(properties, accounts::findByEmailForSignIn, accounts::findForSignIn);
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser external = delegate.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        String who = match.identity(external.getClaims()).orElse("(no usable claim)");
        AppUser user = match.account(external.getClaims()).orElse(null);
        if (user == null) {
            auditRefusal(who, null, "single sign-on via " + provider + ": no local account matches");
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER,
                    "No account on this platform matches " + who, null));
        }
        if (!user.isEnabled() || user.isLockedAt(Instant.now())) {
            auditRefusal(user.getUsername(), user.getTenantId(), "single sign-on via " + provider + ": account disabled or locked");
            throw new OAuth2AuthenticationException(new OAuth2Error(ACCOUNT_DISABLED, "Account disabled or locked", null));
        }
        return new SocOidcUser(user, external);
    }

    private void auditRefusal(String actor, String tenantId, String detail) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> audit.record(actor, tenantId, "login.failure", detail));
    }

    /** A short code for the login page: which message to show. */
    static String errorCode(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            if (UNKNOWN_USER.equals(code) || ACCOUNT_DISABLED.equals(code)) {
                return code;
            }
        }
        return "failed";
    }
}
