package soc.tenants.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one way this platform makes and stores bearer secrets (ingest tokens, personal API tokens): 256 random bits
 * behind a readable prefix, stored only as SHA-256. A slow password hash would add nothing for secrets this long.
 */
public final class BearerSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private BearerSecrets() {
    }

    /** A new secret: {@code prefix} followed by 32 random bytes, base64url without padding. */
    public static String generate(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What is stored and looked up: the hex SHA-256 of the whole token. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
