package soc.cases.notifications;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures: {@code X-SOC-Signature: sha256=<hex HMAC-SHA256 of the raw request body, keyed with the
 * tenant's webhook secret>}. A receiver recomputes the HMAC over the exact bytes it received and compares in
 * constant time. Plain Java so receivers' behaviour can be tested without a server.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-SOC-Signature";
    public static final String TIMESTAMP_HEADER = "X-SOC-Timestamp";
    public static final String EVENT_HEADER = "X-SOC-Event";
    private static final String PREFIX = "sha256=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The header value for a body: {@code sha256=} and the lower-case hex HMAC-SHA256. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    public static String sign(String secret, String body) {
        return sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    /** What a receiver does: true only if the header is the signature of exactly these bytes with this secret. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (secret == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    /** A new secret: 256 random bits, URL-safe base64 with a recognisable prefix. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
