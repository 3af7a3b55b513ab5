package soc.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void stackedBarsAreWellFormedSvgWithOneRectPerNonZeroValue() throws Exception {
        String svg = SvgChart.of("Alerts <by> severity & day", List.of("1", "2", "3"))
                .series("High", List.of(2, 0, 5)).series("Low", List.of(1, 1, 0)).bars();

        Document document = parse(svg);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("aria-label")).isEqualTo("Alerts <by> severity & day");
        assertThat(document.getElementsByTagName("rect").getLength() - background(document)).isEqualTo(4);
        assertThat(svg).contains("High 3: 5").contains("Low 2: 1");
    }

    @Test
    void theTallestStackReachesNearTheTopOfTheAxis() throws Exception {
        String svg = SvgChart.of("t", List.of("a", "b")).series("s", List.of(10, 5)).bars();

        // the axis tops out at a round 10: the bar of 10 spans the whole plot height, the bar of 5 half of it
        assertThat(svg).contains(">10</text>");
        assertThat(svg).contains("height=\"176.0\"").contains("height=\"88.0\"");
    }

    @Test
    void linesSkipMissingValuesAndMarkEachPoint() throws Exception {
        String svg = SvgChart.of("MTTA", List.of("Jan", "Feb", "Mar")).series("MTTA", Arrays.asList(30, null, 45)).lines();

        Document document = parse(svg);
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(2);
    }

    @Test
    void anEmptyChartStillDrawsItsAxes() throws Exception {
        String svg = SvgChart.of("Nothing", List.of("1", "2")).series("x", List.of(0, 0)).bars();

        assertThat(parse(svg).getElementsByTagName("line").getLength()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesASeriesOfTheWrongLength() {
        assertThatThrownBy(() -> SvgChart.of("t", List.of("a", "b")).series("s", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void niceAxisMaxima() {
        assertThat(SvgChart.niceMax(0)).isEqualTo(4);
        assertThat(SvgChart.niceMax(3)).isEqualTo(4);
        assertThat(SvgChart.niceMax(7)).isEqualTo(10);
        assertThat(SvgChart.niceMax(13)).isEqualTo(20);
        assertThat(SvgChart.niceMax(230)).isEqualTo(250);
    }

    private static int background(Document document) {
        return 1 + countLegendSwatches(document);
    }

    private static int countLegendSwatches(Document document) {
        int swatches = 0;
        var rects = document.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            if ("10".equals(((org.w3c.dom.Element) rects.item(i)).getAttribute("width"))) {
                swatches++;
            }
        }
        return swatches;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
