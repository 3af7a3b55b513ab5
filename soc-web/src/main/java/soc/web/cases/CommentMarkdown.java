package soc.web.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.springframework.stereotype.Component;

/**
 * Case comments are Markdown; this renders them to HTML that is safe to insert into a page: raw HTML in the comment
 * is escaped (shown as text, never interpreted), link targets other than http, https and mailto are dropped,
 * links get rel="nofollow noopener noreferrer", and images are shown as text with their address rather than loaded
 * (no tracking pixels, no requests to third parties from an analyst's browser).
 * The case page gets it as the model attribute {@code commentMarkdown}: {@code th:utext="${commentMarkdown.html(text)}"}.
 */
@Component("commentMarkdown")
public class CommentMarkdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .softbreak("<br />")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .nodeRendererFactory(context -> new ImageAsText(context.getWriter()))
            .build();

    /** The comment as safe HTML (well-formed, usable in XHTML too). */
    public String html(String markdown) {
        return render(markdown);
    }

    public static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** Images become "[image: alt] (address)" as text. */
    private record ImageAsText(HtmlWriter writer) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            StringBuilder alt = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    alt.append(text.getLiteral());
                }
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "md-image");
            writer.tag("span", attributes);
            writer.text("[image: " + alt + "] (" + image.getDestination() + ")");
            writer.tag("/span");
        }
    }
}
