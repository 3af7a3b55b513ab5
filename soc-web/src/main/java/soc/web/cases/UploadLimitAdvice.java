package soc.web.cases;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

import soc.cases.attachments.Attachments;

/**
 * A file beyond even the servlet's multipart limit never reaches the controller: evidence uploads still go back to
 * their case with the same clear message as a file over the evidence limit; anything else answers 413.
 */
@ControllerAdvice
class UploadLimitAdvice {
    private static final Pattern CASE_UPLOAD = Pattern.compile("/cases/(\\d{1,18})/attachments$");

    private final MessageSource messages;
    private final Attachments attachments;

    UploadLimitAdvice(MessageSource messages, Attachments attachments) {
        this.messages = messages;
        this.attachments = attachments;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        Matcher matcher = CASE_UPLOAD.matcher(request.getRequestURI());
        if (!matcher.find()) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return null;
        }
        long mb = Math.max(1, attachments.maxBytes() / (1024 * 1024));
        RequestContextUtils.getOutputFlashMap(request).put("error",
                messages.getMessage("attachment.error.tooLarge", new Object[] {mb}, locale));
        return "redirect:/cases/" + matcher.group(1) + "#evidence";
    }
}
