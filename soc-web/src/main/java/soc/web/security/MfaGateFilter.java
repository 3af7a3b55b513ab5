package soc.web.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a sign-in waits for its second factor, only the code and enrolment pages, sign-out and static files
 * answer; every other request is sent to the step still missing (API requests get 401).
 */
class MfaGateFilter extends OncePerRequestFilter {
    static final String VERIFY_PATH = "/login/mfa";
    static final String ENROL_PATH = "/login/mfa/enrol";
    private static final List<String> OPEN = List.of("/logout", "/css/", "/js/", "/webjars/", "/favicon.ico", "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof MfaPendingAuthentication pending) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String allowed = pending.step() == MfaPendingAuthentication.Step.VERIFY ? VERIFY_PATH : ENROL_PATH;
            if (!path.equals(allowed) && OPEN.stream().noneMatch(path::startsWith)) {
                if (path.startsWith("/api/")) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + allowed);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
