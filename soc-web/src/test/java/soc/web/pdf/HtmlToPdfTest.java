package soc.web.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HtmlToPdfTest {

    @Test
    void rendersTextAndInlineSvgIntoAPdf() {
        String page = """
                <html><head><title>Report</title></head><body>
                <h1>Monthly posture</h1>
                <svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">
                  <rect x="0" y="0" width="120" height="40" fill="#1d70b8"/>
                </svg>
                </body></html>""";

        byte[] pdf = HtmlToPdf.render(page, "about:blank");

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(800);
    }
}
