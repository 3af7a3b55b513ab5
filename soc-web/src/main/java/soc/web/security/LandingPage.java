package soc.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a user lands after signing in (password, second factor or single sign-on) when no page was asked for
 * first: a tenant admin on their organisation's posture report, everyone else on the alert queue.
 */
public final class LandingPage {
    public static final String ALERTS = "/alerts";
    public static final String POSTURE = "/posture";

    private LandingPage() {
    }

    /** The landing page of the signed-in user. */
    public static String of(Authentication authentication) {
        boolean tenantAdmin = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_TENANT_ADMIN".equals(authority.getAuthority()));
        return tenantAdmin ? POSTURE : ALERTS;
    }

    /** A success handler: back to the page asked for before signing in, else the user's landing page. */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                return of(authentication);
            }
        };
        handler.setDefaultTargetUrl(ALERTS);
        return handler;
    }
}
