package soc.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import soc.tenants.users.Role;

/** Which sign-ins continue to the second factor, and what a half-signed-in session may reach. */
class SecondFactorStepTest {
    private final SecondFactorStep step = new SecondFactorStep(
            new MfaProperties(Set.of(Role.PLATFORM_ADMIN), null, "SOC platform"));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRoleThatRequiresMfaMustEnrolBeforeAnythingElse() throws Exception {
        MockHttpServletResponse response = signIn(user(Role.PLATFORM_ADMIN, false));
        assertThat(response.getRedirectedUrl()).isEqualTo("/login/mfa/enrol");
        assertThat(SecurityContextHolder.getContext().getAuthentication())
                .isInstanceOfSatisfying(MfaPendingAuthentication.class, pending -> {
                    assertThat(pending.step()).isEqualTo(MfaPendingAuthentication.Step.ENROL);
                    assertThat(pending.getAuthorities()).extracting(Object::toString).containsExactly("MFA_PENDING");
                });
    }

    @Test
    void anEnrolledUserOfAnyRoleIsAskedForTheCode() throws Exception {
        MockHttpServletResponse response = signIn(user(Role.TENANT_ANALYST, true));
        assertThat(response.getRedirectedUrl()).isEqualTo("/login/mfa");
        assertThat(SecurityContextHolder.getContext().getAuthentication())
                .isInstanceOfSatisfying(MfaPendingAuthentication.class,
                        pending -> assertThat(pending.step()).isEqualTo(MfaPendingAuthentication.Step.VERIFY));
    }

    @Test
    void otherRolesWithoutAnAuthenticatorAreSignedInAtOnce() throws Exception {
        MockHttpServletResponse response = signIn(user(Role.SOC_ANALYST, false));
        assertThat(response.getRedirectedUrl()).isEqualTo("/alerts");
        assertThat(SecurityContextHolder.getContext().getAuthentication() instanceof MfaPendingAuthentication).isFalse();
    }

    @Test
    void aTenantAdminLandsOnTheirPostureReportAndAnalystsOnTheQueue() throws Exception {
        assertThat(signIn(user(Role.TENANT_ADMIN, false)).getRedirectedUrl()).isEqualTo("/posture");
        assertThat(signIn(user(Role.TENANT_ANALYST, false)).getRedirectedUrl()).isEqualTo("/alerts");
    }

    @Test
    void aHalfSignedInSessionReachesOnlyTheMissingStepAndSignOut() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                new MfaPendingAuthentication(user(Role.PLATFORM_ADMIN, false), MfaPendingAuthentication.Step.ENROL));
        assertThat(gate("/alerts").getRedirectedUrl()).isEqualTo("/login/mfa/enrol");
        assertThat(gate("/login/mfa").getRedirectedUrl()).as("not the other step").isEqualTo("/login/mfa/enrol");
        assertThat(gate("/api/v1/tenants").getStatus()).isEqualTo(401);
        assertThat(gate("/login/mfa/enrol").getRedirectedUrl()).isNull();
        assertThat(gate("/logout").getRedirectedUrl()).isNull();
        assertThat(gate("/css/soc.css").getRedirectedUrl()).isNull();
        // the pending principal is no SocUser: nothing that needs a signed-in user (tenant scope!) accepts it
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal()).isNotInstanceOf(SocUser.class);
    }

    private MockHttpServletResponse signIn(SocUser user) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        step.onAuthenticationSuccess(new MockHttpServletRequest("POST", "/login"), response,
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return response;
    }

    private static MockHttpServletResponse gate(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MfaGateFilter().doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static SocUser user(Role role, boolean mfaEnrolled) {
        return new SocUser("u-" + role, "{noop}x", "U", role, role.isTenantScoped() ? "acme" : null, true, false,
                mfaEnrolled);
    }
}
