package soc.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html} for
 * signed-in users): personal API tokens as bearer authentication.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String TOKEN = "personalApiToken";

    @Bean
    OpenAPI socOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SOC platform API").version("v1").description("""
                        The REST API of the SOC platform. Authenticate with a personal API token (My account → \
                        Personal API tokens) sent as `Authorization: Bearer soc_pat_...`: the call acts as you, with \
                        your role and organisation, exactly as the web pages do. Tenant users only ever see their own \
                        organisation."""))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("soc_pat_...")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }
}
