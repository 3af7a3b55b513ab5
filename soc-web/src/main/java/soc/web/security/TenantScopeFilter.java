package soc.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import soc.tenants.scope.TenantScope;

/**
 * Sets the request's tenant scope from the signed-in user, so every database access of the request is limited
 * by row-level security to what that user may see. Anonymous requests get no scope: no rows.
 */
class TenantScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String scope = authentication != null && authentication.getPrincipal() instanceof SocUser user
                ? user.tenantScope() : null;
        try (TenantScope.Handle ignored = TenantScope.open(scope)) {
            chain.doFilter(request, response);
        }
    }
}
