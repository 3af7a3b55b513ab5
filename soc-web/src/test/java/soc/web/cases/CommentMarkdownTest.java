package soc.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentMarkdownTest {

    @Test
    void rendersTheMarkdownAnalystsWrite() {
        String html = CommentMarkdown.render("""
                **Contained** the host, see [runbook](https://wiki.example/ir) and `netstat -ano`.

                - isolate
                - reimage
                """);

        assertThat(html).contains("<strong>Contained</strong>")
                .contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://wiki.example/ir\">runbook</a>")
                .contains("<code>netstat -ano</code>")
                .contains("<li>isolate</li>");
    }

    @Test
    void rawHtmlIsShownAsTextNeverInterpreted() {
        String html = CommentMarkdown.render("""
                <script>alert(1)</script>
                <img src=x onerror=alert(2)> and <a href="javascript:alert(3)">x</a>

                <iframe src="https://evil.example"></iframe>
                """);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("<a href=\"javascript")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void dangerousLinkTargetsAreDropped() {
        assertThat(CommentMarkdown.render("[click](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(CommentMarkdown.render("[click](JaVaScRiPt:alert(1))")).doesNotContainIgnoringCase("javascript:");
        assertThat(CommentMarkdown.render("[click](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
        assertThat(CommentMarkdown.render("[click](vbscript:msgbox)")).doesNotContain("vbscript:");
        assertThat(CommentMarkdown.render("<javascript:alert(1)>")).doesNotContain("href=\"javascript");
        assertThat(CommentMarkdown.render("[mail](mailto:soc@example.org)")).contains("href=\"mailto:soc@example.org\"");
    }

    @Test
    void attributesCannotBeBrokenOutOf() {
        String html = CommentMarkdown.render("[x](https://example.org/\"onmouseover=\"alert(1))");

        assertThat(html).doesNotContain("\"onmouseover=\"").doesNotContain(" onmouseover=");
    }

    @Test
    void imagesAreShownAsTextNotLoaded() {
        String html = CommentMarkdown.render("![pixel](https://tracker.example/p.gif) ![x](javascript:alert(1))");

        assertThat(html).doesNotContain("<img").contains("[image: pixel] (https://tracker.example/p.gif)");
    }

    @Test
    void emptyCommentsRenderNothing() {
        assertThat(CommentMarkdown.render(null)).isEmpty();
        assertThat(CommentMarkdown.render("  ")).isEmpty();
    }
}
