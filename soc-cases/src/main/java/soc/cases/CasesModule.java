package soc.cases;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The cases module's entry point: alert intake from Kafka, the alert queue and case management (soc.cases.cases). */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CasesModule {
}
