package soc.web.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;
import soc.web.SocWebProperties;

/**
 * Creates the first platform admin on first start. The password comes from SOC_ADMIN_PASSWORD or is generated
 * and printed once; only its hash is stored.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String USERNAME = "admin";

    private final UserAccounts accounts;
    private final SocWebProperties properties;

    FirstAdmin(UserAccounts accounts, SocWebProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyPlatformAdmin()) {
            return;
        }
        boolean given = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String password = given ? properties.adminPassword() : Passwords.generate();
        TenantScope.run(TenantScope.ALL_TENANTS, () -> accounts.create("system", USERNAME, "Platform administrator",
                password, Role.PLATFORM_ADMIN, null));
        if (given) {
            log.info("First platform admin '{}' created with the password from SOC_ADMIN_PASSWORD", USERNAME);
        } else {
            log.warn("""

                    ================================================================
                     First platform admin created. This is shown only once:
                       username: {}
                       password: {}
                    ================================================================
                    """, USERNAME, password);
        }
    }
}
