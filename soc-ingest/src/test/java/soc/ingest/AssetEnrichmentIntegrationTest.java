package soc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import soc.events.EventJson;
import soc.events.IndexNames;
import soc.tenants.assets.AssetLookup;
import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.scope.TenantScope;

/**
 * The ingest service on real PostgreSQL, Kafka and OpenSearch: an event between two registered assets is indexed
 * with their {@code source.asset.*} / {@code destination.asset.*} fields and the OT device role of the destination.
 */
class AssetEnrichmentIntegrationTest extends IngestServiceIntegrationTest {
    @Autowired
    AssetService assets;
    @Autowired
    AssetLookup lookup;

    @Test
    void anEventFromARegisteredAssetIsIndexedWithItsAssetFields() throws Exception {
        String tenant = "ast-" + UUID.randomUUID().toString().substring(0, 8);
        String token = tenants.tenantWithToken(tenant);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String net = "10." + random.nextInt(256) + "." + random.nextInt(256);
        TenantScope.run(tenant, () -> {
            assets.create("test", tenant, AssetSpec.parse("EWS-01", net + ".20", "ENGINEERING_WORKSTATION", "HIGH",
                    "2", "OT-cell-1", "plant engineering"));
            assets.create("test", tenant, AssetSpec.parse("PLC-07", net + ".7", "PLC", "CRITICAL", "1", "OT-cell-1", null));
        });
        lookup.refresh();
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String known = "{\"src_ip\":\"" + net + ".20\",\"dst_ip\":\"" + net + ".7\",\"dst_port\":502,\"msg\":\"write " + marker + "\"}";
        String unknown = "{\"src_ip\":\"192.0.2.44\",\"dst_ip\":\"192.0.2.45\",\"msg\":\"other " + marker + "\"}";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(known + "\n" + unknown + "\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);

        List<Map<String, Object>> hits = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (hits.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(300);
            hits = search(IndexNames.eventsPattern(tenant), marker);
        }
        assertThat(hits).hasSize(2);
        Map<String, Object> enriched = hits.stream().filter(hit -> "write".equals(String.valueOf(hit.get("message")).split(" ")[0]))
                .findFirst().orElseThrow();
        assertThat(enriched).containsEntry("source.asset.name", "EWS-01")
                .containsEntry("source.asset.type", "engineering_workstation")
                .containsEntry("source.asset.criticality", "high")
                .containsEntry("source.asset.zone", "OT-cell-1")
                .containsEntry("source.asset.purdue_level", 2)
                .containsEntry("destination.asset.name", "PLC-07")
                .containsEntry("destination.asset.type", "plc")
                .containsEntry("destination.asset.criticality", "critical")
                .containsEntry("destination.asset.purdue_level", 1)
                .containsEntry("ot.device_role", "plc");
        Map<String, Object> plain = hits.stream().filter(hit -> hit != enriched).findFirst().orElseThrow();
        assertThat(plain.keySet()).noneMatch(key -> key.contains(".asset.") || key.equals("ot.device_role"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> search(String index, String text) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(INFRA.openSearchUrl() + "/" + index + "/_search?q=" + text
                        + "&ignore_unavailable=true&allow_no_indices=true"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> hits = (Map<String, Object>) EventJson.readObject(response.body()).get("hits");
        if (hits == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) hits.get("hits")).stream()
                .map(hit -> (Map<String, Object>) hit.get("_source")).toList();
    }
}
