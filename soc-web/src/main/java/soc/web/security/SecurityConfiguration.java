package soc.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** Form sign-in for people; CSRF protection stays on for every form. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String[] PROVIDER_ROLES = {"PLATFORM_ADMIN", "SOC_LEAD", "SOC_ANALYST", "ONBOARDING_OFFICER"};
    static final String[] ONBOARDING_ROLES = {"PLATFORM_ADMIN", "ONBOARDING_OFFICER"};
    /** The provider's staff who triage alerts and work every tenant's cases. */
    static final String[] CASE_WORKERS = {"PLATFORM_ADMIN", "SOC_LEAD", "SOC_ANALYST"};
    /** Hybrid model: tenant analysts also move their own tenant's cases through the workflow. */
    static final String[] CASE_STATUS_ROLES = {"PLATFORM_ADMIN", "SOC_LEAD", "SOC_ANALYST", "TENANT_ANALYST"};
    /** Everyone who sees cases: the provider's case workers, and tenant users for their own tenant's cases. */
    static final String[] CASE_READERS = {"PLATFORM_ADMIN", "SOC_LEAD", "SOC_ANALYST", "TENANT_ADMIN", "TENANT_ANALYST"};
    /** A tenant's asset inventory: onboarding roles, and tenant admins for their own tenant (checked by the controller). */
    static final String[] ASSET_EDITOR_ROLES = {"PLATFORM_ADMIN", "ONBOARDING_OFFICER", "TENANT_ADMIN"};

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/audit").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD", "TENANT_ADMIN")
                        .requestMatchers("/operations").hasAnyRole(PROVIDER_ROLES)
                        .requestMatchers(HttpMethod.GET, "/tenants").hasAnyRole(PROVIDER_ROLES)
                        .requestMatchers("/tenants/new").hasAnyRole(ONBOARDING_ROLES)
                        .requestMatchers(HttpMethod.POST, "/tenants/*/assets", "/tenants/*/assets/**").hasAnyRole(ASSET_EDITOR_ROLES)
                        .requestMatchers(HttpMethod.POST, "/tenants", "/tenants/**").hasAnyRole(ONBOARDING_ROLES)
                        .requestMatchers(HttpMethod.POST, "/alerts/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.POST, "/cases/*/status").hasAnyRole(CASE_STATUS_ROLES)
                        .requestMatchers(HttpMethod.POST, "/cases/*/comments").hasAnyRole(CASE_READERS)
                        .requestMatchers(HttpMethod.POST, "/cases", "/cases/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers("/cases", "/cases/**").hasAnyRole(CASE_READERS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/alerts", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new TenantScopeFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
