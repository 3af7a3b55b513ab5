package soc.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.springframework.http.HttpStatus;

/** Reads a request body, gunzipping when asked, within a size limit, and splits it into lines. */
final class RequestBody {
    private RequestBody() {
    }

    static byte[] read(InputStream in, boolean gzip, long maxBytes) throws IOException {
        try (InputStream body = gzip ? new GZIPInputStream(in) : in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new IngestRejectedException(HttpStatus.CONTENT_TOO_LARGE,
                            "Body larger than " + maxBytes + " bytes (after decompression): split it into smaller batches");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new IngestRejectedException(HttpStatus.BAD_REQUEST,
                    "Body is not valid gzip although Content-Encoding says gzip: " + e.getMessage());
        }
    }

    /** Byte ranges of the lines (LF or CRLF separated); blank lines are skipped but keep their numbers. */
    static List<int[]> lines(byte[] body) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(body, start, end)) {
                    lines.add(new int[] {number, start, end});
                }
                start = i + 1;
                number++;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
