package soc.web.events;

import java.net.URI;

import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventSearchConfiguration {

    @Bean(destroyMethod = "close")
    OpenSearchTransport eventSearchTransport(EventSearchProperties properties) {
        URI uri = URI.create(properties.url());
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        // opensearch-java decompresses responses itself; httpclient5 5.6 would do it a second time
        return ApacheHttpClient5TransportBuilder.builder(host).setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(client -> client.disableContentCompression()).build();
    }

    @Bean
    OpenSearchClient eventSearchClient(OpenSearchTransport eventSearchTransport) {
        return new OpenSearchClient(eventSearchTransport);
    }
}
