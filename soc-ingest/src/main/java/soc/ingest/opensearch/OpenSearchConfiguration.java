package soc.ingest.opensearch;

import java.net.URI;

import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenSearchConfiguration {

    @Bean(destroyMethod = "close")
    org.opensearch.client.transport.OpenSearchTransport openSearchTransport(OpenSearchProperties properties) {
        URI uri = URI.create(properties.url());
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        // opensearch-java decompresses responses itself; httpclient5 5.6 would do it a second time
        return ApacheHttpClient5TransportBuilder.builder(host).setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(client -> client.disableContentCompression()).build();
    }

    @Bean
    OpenSearchClient openSearchClient(org.opensearch.client.transport.OpenSearchTransport transport) {
        return new OpenSearchClient(transport);
    }
}
