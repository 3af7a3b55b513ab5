package soc.ingest.parse;

import java.util.Map;

import soc.events.RawEnvelope;
import soc.events.SocEvent;
import soc.ingest.parse.cef.CefParser;
import soc.ingest.parse.json.GenericJsonParser;
import soc.ingest.parse.kv.KeyValueParser;
import soc.ingest.parse.leef.LeefParser;
import soc.ingest.parse.suricata.SuricataEveParser;
import soc.ingest.parse.windows.WindowsEventParser;
import soc.ingest.parse.zeek.ZeekHeaderCache;
import soc.ingest.parse.zeek.ZeekParser;
import soc.ingest.parse.support.EventParser;
import soc.ingest.parse.support.Json;
import soc.ingest.parse.support.JsonEventParser;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;
import soc.ingest.parse.support.Times;
import soc.ingest.parse.syslog.SyslogParser;

/**
 * Turns a {@link RawEnvelope} into a normalised {@link SocEvent} or a rejection reason. Thread-safe and reusable
 * (parsers are stateless, except the bounded Zeek TSV header cache which is concurrent), does no I/O and never
 * throws: every failure becomes a {@link Normalised.Rejected} whose reason starts with the format name.
 *
 * <p>Declared formats ({@code raw.format()}, case-insensitive): {@code auto}, {@code json}, {@code syslog},
 * {@code cef}, {@code leef}, {@code windows}, {@code suricata}, {@code zeek} / {@code zeek:<path>}, {@code kv}.
 * See docs/schema.md for detection rules and the field mappings.
 */
public final class Normaliser {
    /** Payloads larger than this many UTF-8 bytes are rejected without parsing. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private final GenericJsonParser json = new GenericJsonParser();
    /** Sources whose Zeek TSV header state is remembered (see {@link ZeekParser}). */
    public static final int ZEEK_HEADER_CACHE_SIZE = 10_000;

    private final SyslogParser syslog = new SyslogParser();
    private final CefParser cef = new CefParser();
    private final LeefParser leef = new LeefParser();
    private final KeyValueParser kv = new KeyValueParser();
    private final WindowsEventParser windows = new WindowsEventParser();
    private final SuricataEveParser suricata = new SuricataEveParser();
    private final ZeekParser zeek;

    /** The default parser set, with its own Zeek TSV header cache. */
    public Normaliser() {
        this(new ZeekHeaderCache(ZEEK_HEADER_CACHE_SIZE));
    }

    /** With a given Zeek TSV header cache (e.g. shared between normaliser instances of one process). */
    public Normaliser(ZeekHeaderCache zeekHeaders) {
        this.zeek = new ZeekParser(zeekHeaders);
    }

    /** Normalises one envelope; never throws. */
    public Normalised normalise(RawEnvelope raw) {
        String name = "normaliser";
        try {
            if (raw == null) {
                return new Normalised.Rejected("normaliser: no envelope");
            }
            String declared = Text.lower(raw.format().trim());
            int colon = declared.indexOf(':');
            String base = colon < 0 ? declared : declared.substring(0, colon);
            String variant = colon < 0 ? "" : declared.substring(colon + 1);
            name = base;
            String payload = raw.payload();
            long size = utf8Length(payload);
            if (size > MAX_PAYLOAD_BYTES) {
                return new Normalised.Rejected(base + ": payload too large (" + size + " bytes > "
                        + MAX_PAYLOAD_BYTES + ")");
            }
            String text = stripFraming(payload);
            if (text.isEmpty()) {
                return new Normalised.Rejected(base + ": empty payload");
            }
            ParseInput input = new ParseInput(raw, text, variant);
            SocEvent.Builder event = SocEvent.from(raw);
            EventParser parser = select(base, text);
            name = parser.format();
            if (parser == json) {
                Map<String, Object> object = Json.readObject(text);
                JsonEventParser dialect = dialect(object);
                name = dialect.format();
                dialect.map(input, object, event);
            } else {
                parser.parse(input, event);
            }
            return new Normalised.Accepted(event.build());
        } catch (ParseException e) {
            return new Normalised.Rejected(name + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? "" : ": " + Text.abbreviate(e.getMessage(), 160);
            return new Normalised.Rejected(name + ": " + e.getClass().getSimpleName() + message);
        }
    }

    private EventParser select(String base, String text) {
        switch (base) {
            case "auto":
                return detect(text);
            case "json":
                return json;
            case "syslog":
                return CefParser.find(text) >= 0 ? cef : LeefParser.find(text) >= 0 ? leef : syslog;
            case "cef":
                return cef;
            case "leef":
                return leef;
            case "kv":
                return kv;
            case "windows", "winlog", "evtx":
                return windows;
            case "suricata", "eve":
                return suricata;
            case "zeek":
                return zeek;
            default:
                throw new ParseException("unsupported format '" + Text.abbreviate(base, 40)
                        + "' (expected auto, json, syslog, cef, leef, windows, suricata, zeek, kv)");
        }
    }

    /** Auto-detection on the first characters; see docs/schema.md. */
    private EventParser detect(String text) {
        char first = text.charAt(0);
        if (first == '{') {
            return json;
        }
        if (first == '<' && text.length() > 1 && Text.isDigit(text.charAt(1))) {
            return CefParser.find(text) >= 0 ? cef : LeefParser.find(text) >= 0 ? leef : syslog;
        }
        if (CefParser.find(text) >= 0) {
            return cef;
        }
        if (LeefParser.find(text) >= 0) {
            return leef;
        }
        if (Text.isDigit(first)) {
            int i = 0;
            while (i < text.length() && i < 8 && Text.isDigit(text.charAt(i))) {
                i++;
            }
            if (i + 1 < text.length() && text.charAt(i) == ' ' && text.charAt(i + 1) == '<') {
                return syslog; // RFC 6587 octet counting
            }
        }
        if (Times.month(text, 0) > 0 && text.length() > 4 && text.charAt(3) == ' ') {
            return syslog; // RFC 3164 written without PRI
        }
        throw new ParseException("unrecognised payload (expected a JSON object, syslog '<PRI>', CEF or LEEF);"
                + " declare the source format");
    }

    /** Routes a JSON object to the most specific dialect: Windows, Suricata EVE, Zeek, else generic JSON. */
    private JsonEventParser dialect(Map<String, Object> object) {
        if (WindowsEventParser.looksLikeWindows(object)) {
            return windows;
        }
        if (SuricataEveParser.looksLikeEve(object)) {
            return suricata;
        }
        if (ZeekParser.looksLikeZeek(object)) {
            return zeek;
        }
        return json;
    }

    /** Removes transport framing: a leading BOM, trailing CR, LF and NUL (RFC 6587 non-transparent framing). */
    static String stripFraming(String payload) {
        int start = 0;
        int end = payload.length();
        if (end > 0 && payload.charAt(0) == '\uFEFF') {
            start = 1;
        }
        while (end > start) {
            char c = payload.charAt(end - 1);
            if (c == '\n' || c == '\r' || c == '\0') {
                end--;
            } else {
                break;
            }
        }
        while (start < end && (payload.charAt(start) == '\n' || payload.charAt(start) == '\r')) {
            start++;
        }
        return start == 0 && end == payload.length() ? payload : payload.substring(start, end);
    }

    /** UTF-8 encoded length without encoding (stops counting once clearly over the limit). */
    static long utf8Length(String s) {
        int n = s.length();
        if (n > MAX_PAYLOAD_BYTES) {
            return n; // at least n bytes: already too large
        }
        if ((long) n * 3 <= MAX_PAYLOAD_BYTES) {
            return n; // cannot exceed the limit; exact size irrelevant
        }
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
