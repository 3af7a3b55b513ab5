package soc.detect.opensearch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param url OpenSearch base URL (the same key as in soc-ingest) */
@ConfigurationProperties("soc.opensearch")
public record OpenSearchProperties(@DefaultValue("http://localhost:19200") String url) {
}
