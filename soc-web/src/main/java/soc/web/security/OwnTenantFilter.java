package soc.web.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /tenants/{id}/**} and {@code /api/v1/tenants/{id}/**}: a tenant user naming another tenant gets 404
 * (as {@code TenantAccess} answers: another organisation's id is not even confirmed to exist) before anything
 * else happens, whatever the endpoint and before any request parameter or body is read. Provider roles pass.
 * It only ever adds a refusal: the URL rules of {@link SecurityConfiguration} and the controllers' own checks
 * still apply.
 */
class OwnTenantFilter extends OncePerRequestFilter {
    private static final Pattern TENANT_PATH = Pattern.compile("^(?:/api/v1)?/tenants/([^/]+)(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = TENANT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (matcher.matches() && authentication != null && authentication.getPrincipal() instanceof SocUser user
                && user.getRole().isTenantScoped() && !matcher.group(1).equals(user.getTenantId())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
