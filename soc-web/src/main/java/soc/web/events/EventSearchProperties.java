package soc.web.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param url OpenSearch base URL, where the web application reads an alert's matched events */
@ConfigurationProperties("soc.opensearch")
public record EventSearchProperties(@DefaultValue("http://localhost:19200") String url) {
}
