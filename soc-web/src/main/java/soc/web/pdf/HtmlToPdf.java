package soc.web.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * Renders a well-formed XHTML page (a Thymeleaf template rendered to a string) to PDF. Inline {@code <svg>}
 * elements are drawn as vectors, which is why report charts are produced server-side as SVG.
 */
public final class HtmlToPdf {
    private HtmlToPdf() {
    }

    /**
     * @param xhtml   the page; must be well-formed XML (close every tag, escape {@code &})
     * @param baseUri where relative links would resolve; reports embed everything, so any URI will do
     */
    public static byte[] render(String xhtml, String baseUri) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, baseUri);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }
}
