package soc.web.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
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
        accounts.recordSignInSuccess(event.getAuthentication().getName());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        accounts.recordSignInFailure(event.getAuthentication().getName());
    }
}
