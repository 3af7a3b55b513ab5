package soc.tenants;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The tenants module's public entry point: an application imports this to get tenants, users, sources,
 * ingest tokens, the audit log and the tenant-scoped data source.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EntityScan
@EnableJpaRepositories
public class TenantsModule {
}
