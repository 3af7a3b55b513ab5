package soc.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web application settings.
 *
 * @param adminPassword first platform admin's password (env SOC_ADMIN_PASSWORD); generated and shown once if empty
 * @param demo          demo estate and traffic for evaluation (./soc run --demo)
 */
@ConfigurationProperties("soc.web")
public record SocWebProperties(String adminPassword, @DefaultValue Demo demo) {

    /**
     * @param enabled          seed demo tenants, users and sources, and send demo traffic
     * @param password         password of every demo user; generated and shown once if empty
     * @param ingestUrl        where the demo traffic is posted
     * @param eventsPerSecond  demo traffic rate
     */
    public record Demo(@DefaultValue("false") boolean enabled, String password,
                       @DefaultValue("http://localhost:18081") String ingestUrl,
                       @DefaultValue("2") int eventsPerSecond) {
    }
}
