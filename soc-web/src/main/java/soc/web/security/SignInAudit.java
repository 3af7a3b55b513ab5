package soc.web.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;

import soc.tenants.users.UserAccounts;

/** Audits every sign-in and counts failures towards the account lockout. */
@Component
class SignInAudit {
    private final UserAccounts accounts;

    SignInAudit(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken sso) {
            accounts.recordSingleSignOn(sso.getName(), sso.getClientRegistration().getRegistrationId());
        } else if (event.getAuthentication() instanceof OAuth2AuthenticationToken sso) {
            accounts.recordSingleSignOn(sso.getName(), sso.getAuthorizedClientRegistrationId());
        } else {
            accounts.recordSignInSuccess(event.getAuthentication().getName());
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        // refused single sign-ons name no local account: SocOidcUserService audits them with the provider's claim
        if (!(event.getAuthentication() instanceof OAuth2LoginAuthenticationToken)) {
            accounts.recordSignInFailure(event.getAuthentication().getName());
        }
    }
}
