package soc.detect;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The detection service: rules over the events topic, alerts to the alerts topic and OpenSearch. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DetectApplication {

    /** Each service reads its own config file (soc-detect.yml) so several can share one JVM in tests. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DetectApplication.class).properties("spring.config.name=soc-detect");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
