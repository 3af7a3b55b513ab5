package soc.web.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import soc.tenants.apitokens.ApiTokens;

/**
 * The identity parts of the filter chain, kept out of {@link SecurityConfiguration}'s URL rules: the second
 * factor after the password, personal API tokens on {@code /api/**} (no CSRF for bearer requests: a browser
 * never sends that header on its own, so it cannot be forged cross-site; session requests keep CSRF), 401
 * instead of a login redirect for API calls, and single sign-on when an OpenID Connect provider is configured.
 */
@Component
class IdentitySecurity {
    static final RequestMatcher API = request -> path(request).startsWith("/api/");
    static final RequestMatcher BEARER = request -> API.matches(request) && ApiTokenAuthenticationFilter.hasBearer(request);

    private final SecondFactorStep secondFactorStep;
    private final ApiTokens apiTokens;
    private final SocUserDetailsService users;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final SocOidcUserService oidcUsers;

    IdentitySecurity(SecondFactorStep secondFactorStep, ApiTokens apiTokens, SocUserDetailsService users,
                     ObjectProvider<ClientRegistrationRepository> registrations, SocOidcUserService oidcUsers) {
        this.secondFactorStep = secondFactorStep;
        this.apiTokens = apiTokens;
        this.users = users;
        this.registrations = registrations;
        this.oidcUsers = oidcUsers;
    }

    /** Continues a password sign-in with the second factor where one is enrolled or required. */
    SecondFactorStep afterPassword() {
        return secondFactorStep;
    }

    void apply(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(BEARER))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API))
                .addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens, users), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new MfaGateFilter(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new OwnTenantFilter(), AnonymousAuthenticationFilter.class);
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                    .successHandler(LandingPage.successHandler())
                    .failureHandler((request, response, exception) -> response.sendRedirect(
                            request.getContextPath() + "/login?sso-error=" + SocOidcUserService.errorCode(exception))));
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
