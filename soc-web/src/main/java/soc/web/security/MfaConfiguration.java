package soc.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import soc.tenants.users.MfaSecretCipher;

/** How TOTP secrets are stored, from {@link MfaProperties#encryptionKey()}. */
@Configuration(proxyBeanMethods = false)
class MfaConfiguration {
    @Bean
    MfaSecretCipher mfaSecretCipher(MfaProperties properties) {
        return MfaSecretCipher.fromBase64Key(properties.encryptionKey());
    }
}
