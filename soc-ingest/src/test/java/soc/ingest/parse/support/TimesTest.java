package soc.ingest.parse.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Times#of} computes instants without java.time objects; it must agree with java.time on every input. */
class TimesTest {

    @Test
    void ofAgreesWithLocalDateTimeAndZoneOffset() {
        Random random = new Random(20261201L);
        int valid = 0;
        for (int k = 0; k < 200_000; k++) {
            int year = random.nextInt(10) == 0 ? random.nextInt(20_000) - 5_000 : 1960 + random.nextInt(100);
            int month = random.nextInt(14);
            int day = random.nextInt(33);
            int hour = random.nextInt(26) - 1;
            int minute = random.nextInt(62) - 1;
            int second = random.nextInt(63) - 1;
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000_000_000);
                case 2 -> random.nextBoolean() ? -1 : 1_000_000_000;
                default -> random.nextInt(1000) * 1_000_000;
            };
            int offset = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> (random.nextInt(37) - 18) * 3600;
                case 2 -> random.nextBoolean() ? 64_800 + random.nextInt(2) : -64_800 - random.nextInt(2);
                default -> random.nextInt(140_000) - 70_000;
            };
            Instant expected = reference(year, month, day, hour, minute, second, nanos, offset);
            assertThat(Times.of(year, month, day, hour, minute, second, nanos, offset))
                    .as("%d-%d-%d %d:%d:%d.%d %+d", year, month, day, hour, minute, second, nanos, offset)
                    .isEqualTo(expected);
            if (expected != null) {
                valid++;
            }
        }
        assertThat(valid).isGreaterThan(20_000);
        assertThat(Times.of(2016, 12, 31, 23, 59, 60, 0, 0)).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        assertThat(Times.of(2024, 2, 29, 12, 0, 0, 0, 3600)).isEqualTo(Instant.parse("2024-02-29T11:00:00Z"));
        assertThat(Times.of(2023, 2, 29, 12, 0, 0, 0, 0)).isNull();
    }

    /** The implementation Times.of replaced. */
    private static Instant reference(int year, int month, int day, int hour, int minute, int second, int nanos,
                                     int offsetSeconds) {
        if (second == 60) {
            second = 59;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
