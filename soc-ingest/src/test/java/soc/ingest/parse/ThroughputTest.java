package soc.ingest.parse;

import java.util.List;

import org.junit.jupiter.api.Test;
import soc.events.RawEnvelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coarse single-thread throughput check (the target is > 100k lines/s/core for syslog, CEF and JSON on a
 * warmed-up JIT; the assertion is deliberately lax so that slow CI machines do not fail the build).
 */
class ThroughputTest {
    private static final int LINES = 200_000;

    @Test
    void syslogCefAndJsonAreFast() {
        Normaliser normaliser = new Normaliser();
        List<String[]> samples = List.of(
                new String[]{"syslog", "<86>1 2015-08-05T21:58:59.693Z 192.168.2.132 SecureAuth0 23108 ID52020"
                        + " [SecureAuth@27389 UserHostAddress=\"192.168.2.132\" Realm=\"SecureAuth0\"] Found the user"},
                new String[]{"syslog", "<34>Feb  4 11:14:27 1.2.3.4 apache_server[123]: test message with some text"},
                new String[]{"cef", "May 18 16:02:00 radiflow-labs-isid radiflow-labs-isid[1] CEF:0|radiflow|isid|"
                        + "7.0.2.28|2|New Link Detected|Medium|cat='Link' id=220 src=172.16.2.41 dst=172.16.8.17"
                        + " pt=502 PtName=Modbus SrcName=172.16.2.41 DstName=172.16.8.17 - 0"
                        + " SrcMac=00:30:DE:40:D0:8D#012 SrcVendor=WAGO Kontakttechnik GmbH SrcVlan=1"},
                new String[]{"json", "{\"timestamp\":\"2024-05-20T09:59:58.5Z\",\"msg\":\"login ok\",\"host\":\"web-1\","
                        + "\"user\":\"alice\",\"src_ip\":\"10.0.0.5\",\"src_port\":5555,\"http\":{\"path\":\"/a\"}}"});
        for (String[] sample : samples) {
            RawEnvelope raw = Envelopes.raw(sample[0], sample[1]);
            assertThat(normaliser.normalise(raw)).isInstanceOf(Normalised.Accepted.class);
            for (int i = 0; i < 100_000; i++) { // warm-up
                normaliser.normalise(raw);
            }
            int accepted = 0;
            long start = System.nanoTime();
            for (int i = 0; i < LINES; i++) {
                if (normaliser.normalise(raw) instanceof Normalised.Accepted) {
                    accepted++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double perSecond = LINES / seconds;
            assertThat(accepted).isEqualTo(LINES);
            System.out.printf("throughput %-6s %,.0f lines/s%n", sample[0], perSecond);
            assertThat(perSecond).as(sample[0] + " lines/s").isGreaterThan(20_000);
        }
    }
}
