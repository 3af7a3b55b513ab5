package soc.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a syslog byte stream (TCP or TLS) into messages, RFC 6587: octet counting ({@code <len> <msg>}) or
 * non-transparent framing (each message ends with LF; NUL is accepted as a delimiter too and a CR before the LF
 * is dropped). The framing is detected per connection from its first byte: a digit means octet counting.
 *
 * <p>Plain Java, one instance per connection, fed with whatever each read returned, however it splits frames.
 * It never throws on input and uses bounded memory: a frame longer than the limit is skipped (octet counting:
 * exactly its declared length; LF framing: up to the next delimiter) and reported as refused with a reason and
 * a preview, and the connection carries on with the next frame. An octet-counted stream that loses its framing
 * (e.g. a wrong length) is resynchronised at the next LF or NUL, the bytes in between refused with the reason.
 */
public final class SyslogFrameDecoder {
    /** How many bytes of a refused frame are passed on for the dead letter. */
    public static final int PREVIEW_BYTES = 4096;
    private static final int MAX_COUNT_DIGITS = 10;

    /** Receives the decoded messages; the bytes are only valid during the call. */
    public interface Sink {
        void frame(byte[] bytes, int offset, int length);

        /** A frame or stretch of bytes that is not passed on: why, and the first bytes of it. */
        void refused(String reason, byte[] preview, int offset, int length);
    }

    public enum Framing { UNKNOWN, OCTET_COUNTING, NON_TRANSPARENT }

    private enum State { START, COUNT, BODY, SKIP_BODY, LINE, SKIP_LINE, RESYNC }

    private final int maxFrameBytes;
    private final Sink sink;
    private Framing framing = Framing.UNKNOWN;
    private State state = State.START;
    private byte[] buffer;
    private int size;
    private long declared;
    private long remaining;
    private long discarded;
    private String reason;

    public SyslogFrameDecoder(int maxFrameBytes, Sink sink) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
        this.buffer = new byte[Math.min(maxFrameBytes, 8192)];
    }

    public Framing framing() {
        return framing;
    }

    /** Decodes the next bytes of the stream, delivering every message they complete. */
    public void feed(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (state) {
                case START -> i = start(data, i);
                case COUNT -> i = count(data, i);
                case BODY -> i = body(data, i, end);
                case SKIP_BODY -> i = skipBody(data, i, end);
                case LINE -> i = line(data, i, end);
                case SKIP_LINE, RESYNC -> i = discard(data, i, end);
            }
        }
    }

    /** The stream ended: a last line without delimiter is delivered, an incomplete frame is refused. */
    public void end() {
        switch (state) {
            case START -> {
            }
            case COUNT -> refuse("connection closed inside an octet count");
            case BODY -> refuse("connection closed after " + (declared - remaining) + " of the " + declared
                    + " octets the frame announced (wrong octet count?)");
            case SKIP_BODY -> refuse(reason + "; connection closed after " + (declared - remaining) + " of its octets");
            case LINE -> {
                if (size > 0) {
                    emitLine();
                }
            }
            case SKIP_LINE -> refuse(lineTooLong());
            case RESYNC -> refuse(reason);
        }
        state = State.START;
        size = 0;
    }

    /**
     * The length of a UDP datagram's message: one datagram is one message, trailing LF, CR and NUL trimmed.
     */
    public static int datagramLength(byte[] data, int offset, int length) {
        int end = offset + length;
        while (end > offset && (data[end - 1] == '\n' || data[end - 1] == '\r' || data[end - 1] == 0)) {
            end--;
        }
        return end - offset;
    }

    private int start(byte[] data, int i) {
        byte b = data[i];
        if (b == '\n' || b == '\r' || b == 0 || (framing == Framing.OCTET_COUNTING && (b == ' ' || b == '\t'))) {
            return i + 1; // empty lines and trailers between frames
        }
        if (framing == Framing.UNKNOWN) {
            framing = isDigit(b) ? Framing.OCTET_COUNTING : Framing.NON_TRANSPARENT;
        }
        size = 0;
        if (framing == Framing.NON_TRANSPARENT) {
            state = State.LINE;
            return i;
        }
        if (b >= '1' && b <= '9') {
            state = State.COUNT;
            declared = 0;
            return i;
        }
        resync("framing error: expected an octet count (RFC 6587 '<length> <message>'), found "
                + describe(b) + " (wrong octet count in the previous frame?)");
        return i;
    }

    private int count(byte[] data, int i) {
        byte b = data[i];
        if (isDigit(b) && size < MAX_COUNT_DIGITS) {
            declared = declared * 10 + (b - '0');
            keep(b);
            return i + 1;
        }
        if (b == ' ') {
            size = 0;
            remaining = declared;
            if (declared > maxFrameBytes) {
                state = State.SKIP_BODY;
                reason = "frame of " + declared + " bytes exceeds the limit of " + maxFrameBytes + " bytes";
            } else {
                ensureCapacity((int) declared);
                state = State.BODY;
            }
            return i + 1;
        }
        resync(isDigit(b) ? "framing error: octet count longer than " + MAX_COUNT_DIGITS + " digits"
                : "framing error: octet count '" + new String(buffer, 0, size, StandardCharsets.US_ASCII)
                + "' followed by " + describe(b) + " instead of a space");
        return i;
    }

    private int body(byte[] data, int i, int end) {
        int n = (int) Math.min(remaining, end - i);
        System.arraycopy(data, i, buffer, size, n);
        size += n;
        remaining -= n;
        if (remaining == 0) {
            state = State.START;
            int length = size;
            size = 0;
            sink.frame(buffer, 0, length);
        }
        return i + n;
    }

    private int skipBody(byte[] data, int i, int end) {
        int n = (int) Math.min(remaining, end - i);
        preview(data, i, n);
        remaining -= n;
        if (remaining == 0) {
            refuse(reason);
        }
        return i + n;
    }

    private int line(byte[] data, int i, int end) {
        int delimiter = delimiter(data, i, end);
        int n = (delimiter < 0 ? end : delimiter) - i;
        if ((long) size + n > maxFrameBytes) {
            // the limit is exceeded: keep a preview, discard the rest up to the delimiter
            state = State.SKIP_LINE;
            discarded = size;
            size = Math.min(size, PREVIEW_BYTES);
            return i;
        }
        ensureCapacity(size + n);
        System.arraycopy(data, i, buffer, size, n);
        size += n;
        if (delimiter < 0) {
            return end;
        }
        emitLine();
        state = State.START;
        return delimiter + 1;
    }

    private int discard(byte[] data, int i, int end) {
        int delimiter = delimiter(data, i, end);
        int n = (delimiter < 0 ? end : delimiter) - i;
        preview(data, i, n);
        discarded += n;
        if (delimiter < 0) {
            return end;
        }
        refuse(state == State.SKIP_LINE ? lineTooLong() : reason);
        return delimiter + 1;
    }

    private void resync(String why) {
        state = State.RESYNC;
        reason = why;
        discarded = 0;
    }

    private String lineTooLong() {
        return "line of " + discarded + " bytes exceeds the limit of " + maxFrameBytes + " bytes";
    }

    private void emitLine() {
        int length = size > 0 && buffer[size - 1] == '\r' ? size - 1 : size;
        size = 0;
        if (length > 0) {
            sink.frame(buffer, 0, length);
        }
    }

    private void refuse(String why) {
        int length = Math.min(size, PREVIEW_BYTES);
        state = State.START;
        size = 0;
        sink.refused(why, buffer, 0, length);
    }

    private void preview(byte[] data, int i, int n) {
        int room = Math.min(n, PREVIEW_BYTES - size);
        if (room > 0) {
            ensureCapacity(size + room);
            System.arraycopy(data, i, buffer, size, room);
            size += room;
        }
    }

    private void keep(byte b) {
        ensureCapacity(size + 1);
        buffer[size++] = b;
    }

    private void ensureCapacity(int capacity) {
        if (capacity > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(capacity, (long) buffer.length * 2),
                    Math.max(maxFrameBytes, PREVIEW_BYTES)));
        }
    }

    private static int delimiter(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n' || data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static String describe(byte b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
    }
}
