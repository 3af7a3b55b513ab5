package soc.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the password: users with a second factor, or whose role requires one, continue to the code or
 * enrolment page with a {@link MfaPendingAuthentication}; everyone else is signed in. Also completes a sign-in
 * once the second factor is done.
 */
@Component
class SecondFactorStep implements AuthenticationSuccessHandler {
    private final MfaProperties properties;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** Back to the page asked for before signing in, else the role's landing page ({@link LandingPage}). */
    private final SavedRequestAwareAuthenticationSuccessHandler signedIn = LandingPage.successHandler();

    SecondFactorStep(MfaProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof SocUser user) {
            MfaPendingAuthentication.Step step = user.isMfaEnrolled() ? MfaPendingAuthentication.Step.VERIFY
                    : properties.requiredFor(user.getRole()) ? MfaPendingAuthentication.Step.ENROL : null;
            if (step != null) {
                store(new MfaPendingAuthentication(user, step), request, response);
                response.sendRedirect(request.getContextPath() + (step == MfaPendingAuthentication.Step.VERIFY
                        ? MfaGateFilter.VERIFY_PATH : MfaGateFilter.ENROL_PATH));
                return;
            }
        }
        signedIn.onAuthenticationSuccess(request, response, authentication);
    }

    /** The second factor is done: the user is signed in with their role, in a new session id. */
    void complete(SocUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.changeSessionId();
        Authentication full = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        store(full, request, response);
        signedIn.onAuthenticationSuccess(request, response, full);
    }

    private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
