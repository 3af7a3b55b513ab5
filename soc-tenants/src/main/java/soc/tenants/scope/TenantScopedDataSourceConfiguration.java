package soc.tenants.scope;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the application's DataSource so row-level security sees the tenant scope of every connection. */
@Configuration(proxyBeanMethods = false)
class TenantScopedDataSourceConfiguration {

    @Bean
    static BeanPostProcessor tenantScopedDataSourcePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource)) {
                    return new TenantScopedDataSource(dataSource);
                }
                return bean;
            }
        };
    }
}
