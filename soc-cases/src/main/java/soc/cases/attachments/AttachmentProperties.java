package soc.cases.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Evidence attachments.
 *
 * @param maxSize largest file accepted on a case (default 10 MB); the web application's multipart limit must be larger
 */
@ConfigurationProperties("soc.cases.attachments")
public record AttachmentProperties(DataSize maxSize) {
    public AttachmentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    }
}
