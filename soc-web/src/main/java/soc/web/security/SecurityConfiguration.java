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

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/audit").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD", "TENANT_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/tenants").hasAnyRole(PROVIDER_ROLES)
                        .requestMatchers("/tenants/new").hasAnyRole(ONBOARDING_ROLES)
                        .requestMatchers(HttpMethod.POST, "/tenants", "/tenants/**").hasAnyRole(ONBOARDING_ROLES)
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
