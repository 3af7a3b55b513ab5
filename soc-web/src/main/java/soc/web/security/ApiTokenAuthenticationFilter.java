package soc.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import soc.tenants.apitokens.ApiTokenOwner;
import soc.tenants.apitokens.ApiTokens;

/**
 * {@code Authorization: Bearer soc_pat_...} on {@code /api/v1/**}: the request runs as the token's user, with
 * that user's current role and tenant (so {@link TenantScopeFilter} scopes it like their browser session).
 * Nothing is stored in a session. An unknown, expired or revoked token, or a disabled or locked user, is 401.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {
    static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;

    ApiTokenAuthenticationFilter(ApiTokens tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader("Authorization").substring(BEARER.length()).trim();
        Optional<SocUser> user = tokens.verify(presented).flatMap(this::load)
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Unknown, expired or revoked API token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<SocUser> load(ApiTokenOwner owner) {
        try {
            UserDetails details = users.loadUserByUsername(owner.username());
            return details instanceof SocUser socUser ? Optional.of(socUser) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
