package soc.tenants.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    /** The RFC 6238 appendix B seed for HMAC-SHA1: the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "RFC 6238 at {0}s: {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheRfc6238TestVectors(long unixSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
        // six digits, as authenticator apps show them, are the same value modulo 10^6
        assertThat(Totp.code(RFC_SEED, step, 6)).isEqualTo(expected.substring(2));
    }

    @ParameterizedTest(name = "RFC 4226 counter {0}: {1}")
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void matchesTheRfc4226HotpTestVectors(long counter, String expected) {
        assertThat(Totp.code(RFC_SEED, counter, 6)).isEqualTo(expected);
    }

    @Test
    void base32SecretOfTheRfcSeedGivesTheSameCodes() {
        String base32 = Totp.base32(RFC_SEED);
        assertThat(base32).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(base32, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfClockDriftEitherWayButNotTwo() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        for (int drift = -1; drift <= 1; drift++) {
            String code = Totp.code(secret, now.plusSeconds(30L * drift));
            assertThat(Totp.verify(secret, code, now, Long.MIN_VALUE)).as("drift " + drift).hasValue(step + drift);
        }
        assertThat(Totp.verify(secret, Totp.code(secret, now.plusSeconds(60)), now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(60)), now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void aCodeIsAcceptedOnceOnly() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String code = Totp.code(secret, now);
        OptionalLong first = Totp.verify(secret, code, now, Long.MIN_VALUE);
        assertThat(first).isPresent();
        assertThat(Totp.verify(secret, code, now.plusSeconds(5), first.getAsLong())).isEmpty();
        // the next step's code is still good
        assertThat(Totp.verify(secret, Totp.code(secret, now.plusSeconds(30)), now.plusSeconds(30), first.getAsLong()))
                .isPresent();
    }

    @Test
    void refusesMalformedCodesAndTheWrongCode() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String right = Totp.code(secret, now);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        assertThat(Totp.verify(secret, wrong, now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(secret, null, now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, Long.MIN_VALUE)).isEmpty();
        // spaces as apps group the digits ("123 456") are fine
        assertThat(Totp.verify(secret, right.substring(0, 3) + " " + right.substring(3), now, Long.MIN_VALUE)).isPresent();
    }

    @Test
    void newSecretsAre160BitsAndDiffer() {
        String a = Totp.newSecret();
        assertThat(Totp.decodeBase32(a)).hasSize(20);
        assertThat(a).isNotEqualTo(Totp.newSecret());
        assertThatThrownBy(() -> Totp.decodeBase32("AB1C")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uriFollowsTheKeyUriFormat() {
        assertThat(Totp.uri("SOC platform", "alice", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/SOC%20platform:alice?secret=JBSWY3DPEHPK3PXP&issuer=SOC%20platform"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void storedSecretsAreEncryptedWhenAKeyIsConfigured() {
        MfaSecretCipher cipher = MfaSecretCipher.fromBase64Key("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        String secret = Totp.newSecret();
        String stored = cipher.seal(secret);
        assertThat(stored).startsWith("aes:").doesNotContain(secret);
        assertThat(cipher.open(stored)).isEqualTo(secret);
        assertThat(MfaSecretCipher.fromBase64Key("MTIzNDU2Nzg5MGFiY2RlZjEyMzQ1Njc4OTBhYmNkZWY=").encrypts()).isTrue();
        assertThatThrownBy(() -> MfaSecretCipher.fromBase64Key("MTIzNDU2Nzg5MGFiY2RlZjEyMzQ1Njc4OTBhYmNkZWY=").open(stored))
                .isInstanceOf(IllegalStateException.class);
        // secrets stored without a key keep working once a key is configured
        assertThat(cipher.open(MfaSecretCipher.plain().seal(secret))).isEqualTo(secret);
        assertThatThrownBy(() -> MfaSecretCipher.plain().open(stored)).isInstanceOf(IllegalStateException.class);
    }
}
