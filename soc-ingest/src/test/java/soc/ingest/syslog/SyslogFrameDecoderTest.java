package soc.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SyslogFrameDecoderTest {
    private static final String SPECIAL = "0123456789 \n\r\0<>";

    /** Records frames as text and refusals as "!reason|preview". */
    private static final class Recorder implements SyslogFrameDecoder.Sink {
        final List<String> frames = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();

        @Override
        public void frame(byte[] bytes, int offset, int length) {
            frames.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void refused(String reason, byte[] preview, int offset, int length) {
            refusals.add(reason + "|" + new String(preview, offset, length, StandardCharsets.UTF_8));
        }
    }

    private static Recorder decode(int max, String input, int... splits) {
        Recorder recorder = new Recorder();
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(max, recorder);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int split : splits) {
            decoder.feed(bytes, from, split - from);
            from = split;
        }
        decoder.feed(bytes, from, bytes.length - from);
        decoder.end();
        return recorder;
    }

    /** Every way of cutting the input in two and in single bytes gives the same result as one read. */
    private static void assertSplitInvariant(int max, String input) {
        Recorder whole = decode(max, input);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Recorder split = decode(max, input, cut);
            assertThat(split.frames).as("cut at %d", cut).isEqualTo(whole.frames);
            assertThat(split.refusals).as("cut at %d", cut).isEqualTo(whole.refusals);
        }
        Recorder bytewise = new Recorder();
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(max, bytewise);
        for (byte b : bytes) {
            decoder.feed(new byte[]{b}, 0, 1);
        }
        decoder.end();
        assertThat(bytewise.frames).isEqualTo(whole.frames);
        assertThat(bytewise.refusals).isEqualTo(whole.refusals);
    }

    @Test
    void octetCountingFramesAreSplitByTheirLength() {
        String a = "<13>1 2026-11-23T10:00:00Z h app - - hello\nworld";
        String b = "<14>Nov 23 10:00:00 h2 sshd[1]: x";
        Recorder r = decode(1024, a.length() + " " + a + b.length() + " " + b);
        assertThat(r.frames).containsExactly(a, b);
        assertThat(r.refusals).isEmpty();
        assertSplitInvariant(1024, a.length() + " " + a + b.length() + " " + b);
    }

    @Test
    void octetCountingToleratesTrailingNewlines() {
        Recorder r = decode(1024, "3 abc\n3 def\r\n\0");
        assertThat(r.frames).containsExactly("abc", "def");
        assertThat(r.refusals).isEmpty();
    }

    @Test
    void nonTransparentFramingSplitsAtLfNulAndDropsCr() {
        String input = "<13>one\n<13>two\r\n\n<13>three\0<13>four";
        Recorder r = decode(1024, input);
        assertThat(r.frames).containsExactly("<13>one", "<13>two", "<13>three", "<13>four");
        assertThat(r.refusals).isEmpty();
        assertSplitInvariant(1024, input);
    }

    @Test
    void framingIsDecidedByTheConnectionsFirstByte() {
        // a line starting with a digit later on stays a line in non-transparent framing
        Recorder r = decode(1024, "<13>a\n2026-11-23 b\n");
        assertThat(r.frames).containsExactly("<13>a", "2026-11-23 b");
    }

    @Test
    void anOversizedOctetCountedFrameIsRefusedAndTheNextOneStillArrives() {
        String big = "x".repeat(100);
        String input = "100 " + big + "5 <13>a";
        Recorder r = decode(50, input);
        assertThat(r.frames).containsExactly("<13>a");
        assertThat(r.refusals).hasSize(1);
        assertThat(r.refusals.get(0)).startsWith("frame of 100 bytes exceeds the limit of 50 bytes|xxxx");
        assertSplitInvariant(50, input);
    }

    @Test
    void anOversizedLineIsRefusedAndTheNextLineStillArrives() {
        String input = "<13>" + "y".repeat(100) + "\n<13>next\n";
        Recorder r = decode(50, input);
        assertThat(r.frames).containsExactly("<13>next");
        assertThat(r.refusals).singleElement().asString()
                .startsWith("line of 104 bytes exceeds the limit of 50 bytes|<13>yyy");
        assertSplitInvariant(50, input);
    }

    @Test
    void aTooShortOctetCountLosesFramingUntilTheNextNewline() {
        String input = "5 <13>1 2026-11-23T10:00:00Z h a - - msg\n10 <13>1 next";
        Recorder r = decode(1024, input);
        assertThat(r.frames).containsExactly("<13>1", "<13>1 next");
        assertThat(r.refusals).singleElement().asString()
                .startsWith("framing error: octet count '2026' followed by '-' instead of a space")
                .contains("|2026-11-23T10:00:00Z h a - - msg");
        assertSplitInvariant(1024, input);
    }

    @Test
    void aTooLongOctetCountIsRefusedWhenTheConnectionCloses() {
        Recorder r = decode(1024, "50 <13>1 short");
        assertThat(r.frames).isEmpty();
        assertThat(r.refusals).singleElement().asString()
                .startsWith("connection closed after 11 of the 50 octets the frame announced (wrong octet count?)|<13>1 short");
    }

    @Test
    void aLastLineWithoutNewlineIsDeliveredAtTheEnd() {
        Recorder r = decode(1024, "<13>a\n<13>b");
        assertThat(r.frames).containsExactly("<13>a", "<13>b");
    }

    @Test
    void hugeOrEndlessOctetCountsAreRefused() {
        Recorder r = decode(1024, "99999999999999999999999 x\n7 <13>abc");
        assertThat(r.frames).containsExactly("<13>abc");
        assertThat(r.refusals).singleElement().asString().startsWith("framing error: octet count longer than 10 digits");

        r = decode(1024, "9999999999 " + "z".repeat(10));
        assertThat(r.refusals).singleElement().asString()
                .startsWith("frame of 9999999999 bytes exceeds the limit of 1024 bytes; connection closed after 10 of its octets");
    }

    @Test
    void udpDatagramsLoseTrailingNewlinesAndNuls() {
        byte[] datagram = "<13>hi\r\n\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(SyslogFrameDecoder.datagramLength(datagram, 0, datagram.length)).isEqualTo(6);
        assertThat(SyslogFrameDecoder.datagramLength(new byte[]{'\n', 0}, 0, 2)).isZero();
    }

    @Test
    void randomGarbageNeverThrowsNeverLoopsAndStaysBounded() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] garbage = new byte[random.nextInt(3000)];
            random.nextBytes(garbage);
            if (round % 3 == 0 && garbage.length > 0) {
                garbage[0] = (byte) ('1' + random.nextInt(9)); // octet-counting mode
            }
            for (int i = 0; i < garbage.length; i++) {
                if (random.nextInt(20) == 0) {
                    garbage[i] = (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
                }
            }
            int[] total = {0};
            SyslogFrameDecoder decoder = new SyslogFrameDecoder(64, new SyslogFrameDecoder.Sink() {
                @Override
                public void frame(byte[] bytes, int offset, int length) {
                    assertThat(length).isBetween(1, 64);
                    total[0] += length;
                }

                @Override
                public void refused(String reason, byte[] preview, int offset, int length) {
                    assertThat(reason).isNotBlank();
                    assertThat(length).isBetween(0, SyslogFrameDecoder.PREVIEW_BYTES);
                }
            });
            int at = 0;
            while (at < garbage.length) {
                int n = Math.min(garbage.length - at, 1 + random.nextInt(700));
                decoder.feed(garbage, at, n);
                at += n;
            }
            decoder.end();
            assertThat(total[0]).isLessThanOrEqualTo(garbage.length);
        }
    }
}
