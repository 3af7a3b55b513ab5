package soc.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import soc.tenants.users.Role;

class OwnTenantFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void tenantUsersMayNameOnlyTheirOwnTenantUnderTheTenantsApi() throws Exception {
        signIn(Role.TENANT_ADMIN, "acme");
        assertThat(status("POST", "/api/v1/tenants/acme-water/assets")).isEqualTo(404);
        assertThat(status("GET", "/api/v1/tenants/acme-water")).isEqualTo(404);
        assertThat(status("POST", "/tenants/acme-water/roadmap/SOURCE_FIREWALL")).isEqualTo(404);
        assertThat(status("GET", "/tenants/acme-water")).isEqualTo(404);
        assertThat(status("GET", "/api/v1/tenants/acme/sources")).as("own tenant passes on").isEqualTo(200);
        assertThat(status("GET", "/tenants/acme")).isEqualTo(200);
        assertThat(status("GET", "/api/v1/tenants")).isEqualTo(200);
        assertThat(status("GET", "/tenantsfoo/acme-water")).isEqualTo(200);
    }

    @Test
    void providerRolesNameAnyTenant() throws Exception {
        signIn(Role.SOC_ANALYST, null);
        assertThat(status("GET", "/api/v1/tenants/acme-water/assets")).isEqualTo(200);
    }

    private static void signIn(Role role, String tenant) {
        SocUser user = new SocUser("u", "{noop}x", "U", role, tenant, true, false, false);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static int status(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new OwnTenantFilter().doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain());
        return response.getStatus();
    }
}
