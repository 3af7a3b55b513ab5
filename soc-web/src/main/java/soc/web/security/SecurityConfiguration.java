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
    /** Discovery questionnaire and roadmap status: onboarding roles, and tenant admins for their own tenant (checked by the controller). */
    static final String[] DISCOVERY_EDITOR_ROLES = {"PLATFORM_ADMIN", "ONBOARDING_OFFICER", "TENANT_ADMIN"};
    /** Detection rule settings (on/off, exceptions, custom rules, retro-hunt): provider roles, tenant admins for their own. */
    static final String[] RULE_MANAGERS = {"PLATFORM_ADMIN", "SOC_LEAD", "SOC_ANALYST", "ONBOARDING_OFFICER", "TENANT_ADMIN"};
    /** A tenant's notification settings (escalation e-mails, webhook): provider leads and admins, the tenant's admins. */
    static final String[] NOTIFICATION_ADMINS = {"PLATFORM_ADMIN", "SOC_LEAD", "ONBOARDING_OFFICER", "TENANT_ADMIN"};

    @Bean
    SecurityFilterChain web(HttpSecurity http, IdentitySecurity identity) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/audit").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD", "TENANT_ADMIN")
                        .requestMatchers("/operations").hasAnyRole(PROVIDER_ROLES)
                        .requestMatchers("/indicators", "/indicators/**", "/api/v1/indicators",
                                "/api/v1/indicators/**").hasAnyRole(PROVIDER_ROLES)
                        .requestMatchers(HttpMethod.GET, "/tenants").hasAnyRole(PROVIDER_ROLES)
                        .requestMatchers("/tenants/new").hasAnyRole(ONBOARDING_ROLES)
                        .requestMatchers(HttpMethod.POST, "/tenants/*/assets", "/tenants/*/assets/**").hasAnyRole(ASSET_EDITOR_ROLES)
                        // notifications (soc.web.notifications): the tenant is checked by the controller
                        .requestMatchers("/tenants/*/notifications", "/tenants/*/notifications/**",
                                "/api/v1/tenants/*/notifications").hasAnyRole(NOTIFICATION_ADMINS)
                        // evidence: tenant users may add files to their own tenant's cases (checked by the service)
                        .requestMatchers(HttpMethod.POST, "/cases/*/attachments", "/api/v1/cases/*/attachments").hasAnyRole(CASE_READERS)
                        // discovery, roadmap, offboarding (soc.web.onboarding, soc.web.offboarding): tenant checked by the controller
                        .requestMatchers(HttpMethod.POST, "/tenants/*/discovery", "/tenants/*/roadmap/*",
                                "/api/v1/tenants/*/discovery", "/api/v1/tenants/*/roadmap/*").hasAnyRole(DISCOVERY_EDITOR_ROLES)
                        .requestMatchers("/tenants/*/offboarding", "/tenants/*/offboarding/**").hasAnyRole(ONBOARDING_ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants/*/status").hasAnyRole(ONBOARDING_ROLES)
                        // event retention (soc.web.retention); the page's POST is covered by "/tenants/**" below
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants/*/retention").hasAnyRole(ONBOARDING_ROLES)
                        .requestMatchers(HttpMethod.POST, "/tenants", "/tenants/**").hasAnyRole(ONBOARDING_ROLES)
                        // SLAs, playbooks, observables, saved filters, cases/alerts API (soc.web.cases, soc.web.alerts)
                        .requestMatchers(HttpMethod.POST, "/alerts/filters", "/alerts/filters/*/delete").authenticated()
                        .requestMatchers(HttpMethod.POST, "/cases/*/tasks/*").hasAnyRole(CASE_STATUS_ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/v1/alerts/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/status", "/api/v1/cases/*/tasks/*").hasAnyRole(CASE_STATUS_ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/cases/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/cases/*/observables/*").hasAnyRole(CASE_WORKERS)
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**").hasAnyRole(CASE_READERS)
                        .requestMatchers(HttpMethod.POST, "/alerts/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.POST, "/cases/*/status").hasAnyRole(CASE_STATUS_ROLES)
                        .requestMatchers(HttpMethod.POST, "/cases/*/comments").hasAnyRole(CASE_READERS)
                        .requestMatchers(HttpMethod.POST, "/cases", "/cases/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers("/cases", "/cases/**").hasAnyRole(CASE_READERS)
                        // posture (soc.web.posture, soc.web.reports): tenant users their own tenant's, leads and admins any
                        .requestMatchers("/programme", "/api/v1/programme").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD")
                        // simulator and scoring (soc.web.simulator)
                        .requestMatchers("/simulator", "/simulator/**", "/api/v1/simulator/**").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD")
                        .requestMatchers(HttpMethod.POST, "/posture/*/assessment").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD", "TENANT_ADMIN")
                        .requestMatchers("/posture", "/posture/**", "/api/v1/posture", "/api/v1/posture/**")
                        .hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD", "TENANT_ADMIN", "TENANT_ANALYST")
                        // identity and REST API (soc.web.users, soc.web.api): user administration is the platform admin's
                        .requestMatchers("/users", "/users/**", "/api/v1/users", "/api/v1/users/**").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/api/v1/audit").hasAnyRole("PLATFORM_ADMIN", "SOC_LEAD", "TENANT_ADMIN")
                        // (a tenant user naming another tenant under /api/v1/tenants/{id} is refused first: OwnTenantFilter)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants/*/assets").hasAnyRole(ASSET_EDITOR_ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants", "/api/v1/tenants/*/sources").hasAnyRole(ONBOARDING_ROLES)
                        // rule management (soc.web.rules): everyone signed in browses the catalog; provider roles
                        // manage every tenant's settings, tenant admins their own (checked by RuleManagement)
                        .requestMatchers(HttpMethod.POST, "/rules/**", "/api/v1/rules/**").hasAnyRole(RULE_MANAGERS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(identity.afterPassword()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new TenantScopeFilter(), AnonymousAuthenticationFilter.class);
        identity.apply(http);
        return http.build();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
