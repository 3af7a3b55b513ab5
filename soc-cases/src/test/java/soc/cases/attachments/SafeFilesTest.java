package soc.cases.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFilesTest {

    @Test
    void fileNamesLoseTheirPathQuotesAndControlCharacters() {
        assertThat(SafeFiles.filename("C:\\Users\\me\\evil\".exe")).isEqualTo("evil.exe");
        assertThat(SafeFiles.filename("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFiles.filename("report\r\n\u0000.pdf")).isEqualTo("report.pdf");
        assertThat(SafeFiles.filename("a<script>;b.txt")).isEqualTo("ascriptb.txt");
        assertThat(SafeFiles.filename(".htaccess")).isEqualTo("htaccess");
        assertThat(SafeFiles.filename("  ")).isEqualTo("evidence.bin");
        assertThat(SafeFiles.filename(null)).isEqualTo("evidence.bin");
        assertThat(SafeFiles.filename("x".repeat(300) + ".pcap")).hasSize(255).endsWith(".pcap");
    }

    @Test
    void onlyInertContentTypesAreServedAsThemselves() {
        assertThat(SafeFiles.contentType("image/png")).isEqualTo("image/png");
        assertThat(SafeFiles.contentType("text/plain; charset=UTF-8")).isEqualTo("text/plain");
        assertThat(SafeFiles.contentType("text/html")).isEqualTo("application/octet-stream");
        assertThat(SafeFiles.contentType("image/svg+xml")).isEqualTo("application/octet-stream");
        assertThat(SafeFiles.contentType("application/javascript")).isEqualTo("application/octet-stream");
        assertThat(SafeFiles.contentType(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void sizesAreShownInWholeOrTenthMegabytes() {
        assertThat(Attachments.megabytes(10L * 1024 * 1024)).isEqualTo("10");
        assertThat(Attachments.megabytes(1536L * 1024)).isEqualTo("1.5");
    }
}
