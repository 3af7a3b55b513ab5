package soc.web.offboarding;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import soc.events.EventJson;
import soc.tenants.offboarding.Offboarding;
import soc.tenants.offboarding.TenantExport;

/**
 * Writes a tenant's complete data as one ZIP, streamed as it is read: {@code postgresql/<table>.ndjson} (one JSON
 * object per row of every tenant table, secrets such as token and password hashes left out),
 * {@code opensearch/events.ndjson} and {@code opensearch/alerts.ndjson} ({@code {"_index","_id","_source"}} per
 * document) and {@code manifest.json} with the counts. Its size and SHA-256 are recorded as the export taken.
 */
@Component
class TenantArchive {
    private final Offboarding offboarding;
    private final TenantIndices indices;

    TenantArchive(Offboarding offboarding, TenantIndices indices) {
        this.offboarding = offboarding;
        this.indices = indices;
    }

    TenantExport write(String actor, String tenantId, OutputStream out) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CountingStream counted = new CountingStream(out);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("tenantId", tenantId);
        manifest.put("exportedAt", Instant.now().toString());
        manifest.put("exportedBy", actor);
        long rows;
        long events;
        long alerts;
        Map<String, Long> tables;
        try (ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(counted, sha256), StandardCharsets.UTF_8)) {
            tables = offboarding.exportRows(tenantId, new Offboarding.RowSink() {
                @Override
                public void table(String name) throws IOException {
                    zip.putNextEntry(new ZipEntry("postgresql/" + name + ".ndjson"));
                }

                @Override
                public void row(Map<String, Object> values) throws IOException {
                    line(zip, values);
                }
            });
            rows = tables.values().stream().mapToLong(Long::longValue).sum();
            zip.putNextEntry(new ZipEntry("opensearch/events.ndjson"));
            events = indices.exportEvents(tenantId, (index, id, source) -> line(zip, document(index, id, source)));
            zip.putNextEntry(new ZipEntry("opensearch/alerts.ndjson"));
            alerts = indices.exportAlerts(tenantId, (index, id, source) -> line(zip, document(index, id, source)));
            manifest.put("postgresqlRows", tables);
            manifest.put("opensearchEvents", events);
            manifest.put("opensearchAlerts", alerts);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(EventJson.writeBytes(manifest));
            zip.closeEntry();
        }
        return offboarding.recordExport(actor, tenantId, counted.count, HexFormat.of().formatHex(sha256.digest()),
                tables.size(), rows, events + alerts);
    }

    private static Map<String, Object> document(String index, String id, Map<?, ?> source) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_index", index);
        doc.put("_id", id);
        doc.put("_source", source);
        return doc;
    }

    private static void line(ZipOutputStream zip, Object value) throws IOException {
        zip.write(EventJson.writeBytes(value));
        zip.write('\n');
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
