package soc.cases.observables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Observable shapes and extraction from alert key fields. */
class ObservablesPlainTest {
    @Test
    void normalisesAndValidates() {
        assertThat(ObservableKind.IP.normalise(" 10.0.0.7 ")).isEqualTo("10.0.0.7");
        assertThat(ObservableKind.IP.normalise("10.0.0.300")).isNull();
        assertThat(ObservableKind.IP.normalise("2001:DB8::1")).isEqualTo("2001:db8::1");
        assertThat(ObservableKind.DOMAIN.normalise("Evil.Example.COM")).isEqualTo("evil.example.com");
        assertThat(ObservableKind.DOMAIN.normalise("not a domain")).isNull();
        assertThat(ObservableKind.HASH.normalise("D41D8CD98F00B204E9800998ECF8427E")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(ObservableKind.HASH.normalise("abc")).isNull();
        assertThat(ObservableKind.HOST.normalise("WS042.council.example")).isEqualTo("ws042.council.example");
        assertThat(ObservableKind.USER.normalise("-")).isNull();
    }

    @Test
    void extractsFromKeyFields() {
        Map<String, Object> keyFields = new LinkedHashMap<>();
        keyFields.put("host.name", "WS042");
        keyFields.put("user.name", "jsmith");
        keyFields.put("source.ip", "192.0.2.10");
        keyFields.put("dns.question.name", "c2.example.net");
        keyFields.put("file.hash.sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        keyFields.put("message", "mimikatz 192.0.2.99");
        assertThat(ObservableExtractor.from(keyFields)).containsExactly(
                new ObservableExtractor.Found(ObservableKind.HOST, "ws042"),
                new ObservableExtractor.Found(ObservableKind.USER, "jsmith"),
                new ObservableExtractor.Found(ObservableKind.IP, "192.0.2.10"),
                new ObservableExtractor.Found(ObservableKind.DOMAIN, "c2.example.net"),
                new ObservableExtractor.Found(ObservableKind.HASH, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
}
