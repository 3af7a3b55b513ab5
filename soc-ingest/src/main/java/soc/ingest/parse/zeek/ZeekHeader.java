package soc.ingest.parse.zeek;

import java.util.Arrays;

/** The state carried by a Zeek TSV file's {@code #} header lines; immutable, replaced on every header line. */
public record ZeekHeader(char separator, String setSeparator, String emptyField, String unsetField, String path,
                         String[] fields, String[] types) {

    static final ZeekHeader DEFAULT = new ZeekHeader('\t', ",", "(empty)", "-", null, null, null);

    ZeekHeader withSeparator(char c) {
        return new ZeekHeader(c, setSeparator, emptyField, unsetField, path, fields, types);
    }

    ZeekHeader withSetSeparator(String s) {
        return new ZeekHeader(separator, s, emptyField, unsetField, path, fields, types);
    }

    ZeekHeader withEmptyField(String s) {
        return new ZeekHeader(separator, setSeparator, s, unsetField, path, fields, types);
    }

    ZeekHeader withUnsetField(String s) {
        return new ZeekHeader(separator, setSeparator, emptyField, s, path, fields, types);
    }

    ZeekHeader withPath(String p) {
        return new ZeekHeader(separator, setSeparator, emptyField, unsetField, p, fields, types);
    }

    ZeekHeader withFields(String[] f) {
        return new ZeekHeader(separator, setSeparator, emptyField, unsetField, path, f, types);
    }

    ZeekHeader withTypes(String[] t) {
        return new ZeekHeader(separator, setSeparator, emptyField, unsetField, path, fields, t);
    }

    @Override
    public String toString() {
        return "ZeekHeader[path=" + path + ", fields=" + Arrays.toString(fields) + "]";
    }
}
