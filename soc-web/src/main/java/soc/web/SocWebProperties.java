package soc.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web application settings.
 *
 * @param adminPassword first platform admin's password (env SOC_ADMIN_PASSWORD); generated and shown once if empty
 * @param demo          demo estate and traffic for evaluation (./soc run --demo); the estate and traffic
 *                      themselves are configured by soc.web.simulator.SimulatorProperties (soc.simulator.*)
 */
@ConfigurationProperties("soc.web")
public record SocWebProperties(String adminPassword, @DefaultValue Demo demo) {

    /**
     * @param enabled          register the simulated estate and demo users, and send simulated traffic
     * @param password         password of every demo user; generated and shown once if empty
     */
    public record Demo(@DefaultValue("false") boolean enabled, String password) {
    }
}
