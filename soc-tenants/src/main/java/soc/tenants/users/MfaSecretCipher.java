package soc.tenants.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How TOTP secrets are stored: AES-256-GCM under a key the operator configures (a database dump alone then
 * does not reveal anyone's second factor), or as they are when no key is configured. The stored form names
 * its scheme, so secrets stored before a key was set keep working and are encrypted at their next enrolment.
 */
public final class MfaSecretCipher {
    private static final String AES = "aes:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    private MfaSecretCipher(SecretKeySpec key) {
        this.key = key;
    }

    /** Without a key: secrets are stored unencrypted (still never shown again). */
    public static MfaSecretCipher plain() {
        return new MfaSecretCipher(null);
    }

    /** With a Base64 key of 32 bytes (e.g. {@code openssl rand -base64 32}); blank means {@link #plain()}. */
    public static MfaSecretCipher fromBase64Key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return plain();
        }
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The MFA encryption key must be 32 bytes (Base64), not " + bytes.length);
        }
        return new MfaSecretCipher(new SecretKeySpec(bytes, "AES"));
    }

    public boolean encrypts() {
        return key != null;
    }

    String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return AES + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the TOTP secret", e);
        }
    }

    String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(AES)) {
            throw new IllegalStateException("Unknown TOTP secret format");
        }
        if (key == null) {
            throw new IllegalStateException("TOTP secrets are encrypted but no MFA encryption key is configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(AES.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the TOTP secret: wrong MFA encryption key?", e);
        }
    }
}
