package soc.web.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import soc.tenants.scope.TenantScope;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;
import soc.web.SocWebProperties;
import soc.web.bootstrap.Passwords;

/**
 * {@code ./soc run --demo}: registers the simulated estate (idempotent), a user for every role on first start,
 * and starts the background traffic and the scenario schedule.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "soc.web.demo.enabled", havingValue = "true")
class DemoMode implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    private final Simulator simulator;
    private final UserAccounts accounts;
    private final SocWebProperties properties;

    DemoMode(Simulator simulator, UserAccounts accounts, SocWebProperties properties) {
        this.simulator = simulator;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        simulator.provision(Simulator.ACTOR, simulator.estate().organisations());
        TenantScope.run(TenantScope.ALL_TENANTS, () -> {
            if (accounts.findForSignIn("lead").isEmpty()) {
                createUsers();
            }
        });
        simulator.startTraffic();
    }

    private void createUsers() {
        String given = properties.demo().password();
        String password = given == null || given.isBlank() ? Passwords.generate() : given;
        String council = simulator.estate().organisations().get(0).id();
        String maker = simulator.estate().organisations().stream().filter(Estate.Organisation::ot).findFirst()
                .map(Estate.Organisation::id).orElse(council);
        String councilUser = council.length() > 20 ? "council" : council;
        String makerUser = maker.replace("-mfg", "");
        accounts.create(Simulator.ACTOR, "lead", "Sam Lead (SOC lead)", password, Role.SOC_LEAD, null);
        accounts.create(Simulator.ACTOR, "analyst", "Alex Analyst (SOC analyst)", password, Role.SOC_ANALYST, null);
        accounts.create(Simulator.ACTOR, "onboarding", "Olu Onboarding (onboarding officer)", password,
                Role.ONBOARDING_OFFICER, null);
        accounts.create(Simulator.ACTOR, councilUser + "-admin", council + " tenant admin", password, Role.TENANT_ADMIN, council);
        accounts.create(Simulator.ACTOR, councilUser + "-analyst", council + " tenant analyst", password,
                Role.TENANT_ANALYST, council);
        accounts.create(Simulator.ACTOR, makerUser + "-admin", maker + " tenant admin", password, Role.TENANT_ADMIN, maker);
        if (given == null || given.isBlank()) {
            log.warn("""

                    ================================================================
                     Demo estate created. Demo users (shown only once):
                       lead, analyst, onboarding, {}-admin,
                       {}-analyst, {}-admin
                       password for all of them: {}
                    ================================================================
                    """, councilUser, councilUser, makerUser, password);
        } else {
            log.info("Demo estate created; demo users use the password from SOC_DEMO_PASSWORD");
        }
    }
}
