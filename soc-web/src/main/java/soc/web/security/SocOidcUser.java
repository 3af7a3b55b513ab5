package soc.web.security;

import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import soc.tenants.users.AppUser;

/** A local account signed in through the external OpenID Connect provider: same role and tenant as ever. */
class SocOidcUser extends SocUser implements OidcUser {
    private final transient OidcUser external;

    SocOidcUser(AppUser user, OidcUser external) {
        super(user, false);
        this.external = external;
    }

    @Override
    public Map<String, Object> getClaims() {
        return external.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return external.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return external.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return external.getAttributes();
    }

    /** The local username: what the audit log and every page know this person by. */
    @Override
    public String getName() {
        return getUsername();
    }
}
