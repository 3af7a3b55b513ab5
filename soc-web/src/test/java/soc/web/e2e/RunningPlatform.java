package soc.web.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import soc.detect.DetectApplication;
import soc.infra.LocalInfra;
import soc.infra.TestInfra;
import soc.ingest.IngestApplication;
import soc.tenants.scope.TenantScope;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;
import soc.web.WebApplication;

/**
 * The whole platform for end-to-end tests: real PostgreSQL, Kafka and OpenSearch, and the three services
 * (web, ingest, detect) each in its own application context, as they would run as separate processes.
 * Started once per test JVM and shared by the end-to-end test classes.
 */
final class RunningPlatform {
    static final String PASSWORD = "correct-horse-battery-staple";

    /** Beans of these auto-configurations come from other services' dependencies on the shared test classpath. */
    private static final String NOT_MY_CLASSPATH_SECURITY = String.join(",",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");
    private static final String NOT_MY_CLASSPATH_DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    private static RunningPlatform instance;

    final LocalInfra infra;
    /** A real SMTP server the web app sends its notifications and reports to. */
    final GreenMail mail;
    final ConfigurableApplicationContext web;
    private ConfigurableApplicationContext ingest;
    final ConfigurableApplicationContext detect;

    private RunningPlatform() {
        infra = TestInfra.all();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        web = start(WebApplication.builder(), Map.of("soc.web.admin-password", PASSWORD,
                "spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(mail.getSmtp().getPort()),
                // webhook receivers in tests listen on 127.0.0.1, which production refuses (SSRF guard)
                "soc.notifications.allow-private-webhook-targets", "true"));
        ingest = startIngest();
        detect = start(DetectApplication.builder(), Map.of("spring.autoconfigure.exclude",
                NOT_MY_CLASSPATH_SECURITY + "," + NOT_MY_CLASSPATH_DATABASE));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "platform-stop"));
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = new RunningPlatform();
        }
        return instance;
    }

    String webUrl() {
        return "http://localhost:" + port(web);
    }

    synchronized String ingestUrl() {
        return "http://localhost:" + port(ingest);
    }

    /** Stops the ingest service as a crash or deploy would, and returns a starter for the new instance. */
    synchronized Runnable stopIngest() {
        ingest.close();
        return () -> {
            synchronized (this) {
                ingest = startIngest();
            }
        };
    }

    <T> T webBean(Class<T> type) {
        return web.getBean(type);
    }

    /** Registers a tenant with one HTTP source and returns the source's ingest token. */
    String newTenantWithToken(String tenantId, String format) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            webBean(TenantService.class).register("test", tenantId, "Tenant " + tenantId, TenantKind.COUNTY_COUNCIL, "Wales");
            Source source = webBean(SourceService.class).register("test", tenantId, "Source", SourceType.LINUX_SYSLOG,
                    format, IngestMethod.HTTP_TOKEN);
            return webBean(IngestTokens.class).issue("test", source.getId()).token();
        });
    }

    void newUser(String username, Role role, String tenantId) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> webBean(UserAccounts.class)
                .create("test", username, username, PASSWORD, role, tenantId));
    }

    static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ConfigurableApplicationContext startIngest() {
        // syslog receivers have their own tests on free ports; here they would only compete for the fixed ones.
        // Retention would delete test events whose event time is months back (corpus lines): it has its own test.
        return start(IngestApplication.builder(), Map.of("spring.autoconfigure.exclude", NOT_MY_CLASSPATH_SECURITY,
                "soc.ingest.syslog.enabled", "false", "soc.ingest.retention.enabled", "false"));
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(infra.springProperties());
        properties.put("server.port", "0");
        properties.putAll(extra);
        // as command-line arguments, so they win over each service's own config file like a deployment's would
        return builder.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private synchronized void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {detect, ingest, web}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        mail.stop();
    }
}
