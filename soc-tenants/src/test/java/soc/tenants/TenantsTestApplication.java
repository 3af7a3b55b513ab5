package soc.tenants;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The tenants module on its own, for its integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TenantsModule.class)
class TenantsTestApplication {
}
