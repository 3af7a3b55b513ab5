package soc.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SocEventBuilderTest {

    @Test
    void instantTextIsExactlyInstantToString() {
        SplittableRandom random = new SplittableRandom(7);
        Instant[] edges = {Instant.EPOCH, Instant.parse("1999-12-31T23:59:59.999999999Z"),
                Instant.parse("2000-02-29T00:00:00Z"), Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.parse("2100-03-01T00:00:00.000001Z"), Instant.parse("9999-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.123Z"), Instant.MIN,
                Instant.MAX};
        for (Instant edge : edges) {
            assertThat(SocEvent.instantText(edge)).isEqualTo(edge.toString());
        }
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(SocEvent.instantText(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void aBuiltEventDoesNotChangeWhenTheBuilderGoesOn() {
        SocEvent.Builder builder = new SocEvent.Builder().put(SocEvent.EVENT_ID, "e1").put(SocEvent.TENANT_ID, "acme")
                .put(SocEvent.INGESTED, Instant.parse("2026-12-01T00:00:00Z")).put("a", 1);
        SocEvent first = builder.build();
        builder.put("a", 2).put("b", 3);
        SocEvent second = builder.build();

        assertThat(first.fields()).containsExactly(entry(SocEvent.EVENT_ID, "e1"), entry(SocEvent.TENANT_ID, "acme"),
                entry(SocEvent.INGESTED, "2026-12-01T00:00:00Z"), entry("a", 1),
                entry(SocEvent.TIMESTAMP, "2026-12-01T00:00:00Z"));
        assertThat(second.get("a")).isEqualTo(2);
        assertThat(second.get("b")).isEqualTo(3);
        assertThat(first.get("b")).isNull();
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
