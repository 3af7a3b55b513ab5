package soc.cases.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_test-secret";
    private static final byte[] BODY = "{\"event\":\"case.opened\",\"tenant\":\"acme\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureIsTheHexHmacSha256OfTheBody() {
        // reference value computed independently: printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSignature.sign("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void aReceiverAcceptsTheExactBodyWithTheRightSecretOnly() {
        String header = WebhookSignature.sign(SECRET, BODY);

        assertThat(WebhookSignature.verify(SECRET, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify("whsec_other", BODY, header)).as("wrong secret").isFalse();
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("acme", "evil").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, tampered, header)).as("tampered body").isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, header.substring("sha256=".length()))).as("no prefix").isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "sha256=zz")).as("not hex").isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
    }

    @Test
    void newSecretsAreLongRandomAndRecognisable() {
        String first = WebhookSignature.newSecret();
        String second = WebhookSignature.newSecret();

        assertThat(first).startsWith("whsec_").hasSize("whsec_".length() + 43).isNotEqualTo(second);
    }

    @Test
    void retriesBackOffByDoublingUpToTheMaximum() {
        NotificationProperties properties = new NotificationProperties(null, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 0, null, false);

        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.retryDelay(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelay(60)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxAttempts()).isEqualTo(12);
    }

    @Test
    void webhooksCannotTargetThePlatformsOwnNetwork() throws Exception {
        for (String internal : new String[] {"http://127.0.0.1:9200/soc-alerts.victim/_doc", "http://localhost:8080/",
                "http://10.1.2.3/", "http://192.168.0.10/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:9092/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
                "http://100.64.0.1/"}) {
            assertThat(WebhookTargets.refusal(java.net.URI.create(internal))).as(internal).isNotNull();
        }
        assertThat(WebhookTargets.isInternal(java.net.InetAddress.getByName("93.184.215.14"))).isFalse();
        assertThat(WebhookTargets.isInternal(java.net.InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")))
                .isFalse();
    }

    @Test
    void escalationAddressesAreSplitCheckedAndDeduplicated() {
        assertThat(EmailAddresses.distinctValid(EmailAddresses.split(
                "soc@council.example, SOC@council.example; on-call@council.example  not-an-address,\n x@y")))
                .containsExactly("soc@council.example", "on-call@council.example");
        assertThat(EmailAddresses.isAddress("Jane Doe")).isFalse();
        assertThat(EmailAddresses.isAddress("a@b.example\nBcc: x@evil.example")).isFalse();
    }
}
