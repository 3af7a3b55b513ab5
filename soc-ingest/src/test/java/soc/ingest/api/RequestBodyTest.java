package soc.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RequestBodyTest {

    @Test
    void splitsLfAndCrLfLinesKeepingLineNumbersAcrossBlankLines() {
        byte[] body = "first\r\n\n  \nsecond\nthird".getBytes(StandardCharsets.UTF_8);

        List<int[]> lines = RequestBody.lines(body);

        assertThat(lines).extracting(l -> l[0]).containsExactly(1, 4, 5);
        assertThat(lines).extracting(l -> new String(body, l[1], l[2] - l[1], StandardCharsets.UTF_8))
                .containsExactly("first", "second", "third");
    }

    @Test
    void gunzipsWhenAsked() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("a\nb".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = RequestBody.read(new ByteArrayInputStream(compressed.toByteArray()), true, 1024);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("a\nb");
    }

    @Test
    void refusesBodiesOverTheLimitAfterDecompression() {
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(new byte[200_000]), false, 100_000))
                .isInstanceOfSatisfying(IngestRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }

    @Test
    void refusesBrokenGzipAsABadRequest() {
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream("plain".getBytes()), true, 1024))
                .isInstanceOfSatisfying(IngestRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("not valid gzip");
                });
    }
}
