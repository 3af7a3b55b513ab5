package soc.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import soc.tenants.TenantsModule;

/** The ingest service: HTTP edge to the raw topic, and the normaliser from raw to events + OpenSearch. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TenantsModule.class)
public class IngestApplication {

    /** Each service reads its own config file (soc-ingest.yml) so several can share one JVM in tests. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestApplication.class).properties("spring.config.name=soc-ingest");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
