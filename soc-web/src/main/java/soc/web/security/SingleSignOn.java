package soc.web.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** The configured OpenID Connect providers, for the sign-in page ({@code @singleSignOn.providers()}). */
@Component("singleSignOn")
public class SingleSignOn {
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SingleSignOn(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    public List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
            for (ClientRegistration registration : repository) {
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return providers;
    }

    public record Provider(String id, String name) {
    }
}
