package soc.tenants.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Imports a tenant's assets from CSV (UTF-8, RFC 4180: comma-separated, fields may be quoted with {@code "}, quotes
 * inside doubled, commas and line breaks allowed inside quotes). The first record is the header naming the columns,
 * in any order: {@code name,addresses,type} are required, {@code criticality,purdue_level,zone,owner} optional.
 * {@code addresses} holds IPs or CIDRs separated by {@code ;}.
 *
 * <p>Every line is judged on its own: valid lines are imported even when others are refused, and each refused line
 * comes back with its line number (the physical line where its record starts, the header being line 1) and a reason.
 * A broken header refuses the whole file. The parser ({@link #parse}) is plain Java; {@link #importCsv} saves in the
 * caller's tenant scope through {@link AssetService}.
 */
@Service
public class AssetCsvImport {
    public static final int MAX_ROWS = 10_000;
    static final int MAX_FIELD_CHARS = 16 * 1024;
    static final List<String> COLUMNS = List.of("name", "addresses", "type", "criticality", "purdue_level", "zone", "owner");
    private static final List<String> REQUIRED = List.of("name", "addresses", "type");

    private final AssetService assets;

    AssetCsvImport(AssetService assets) {
        this.assets = assets;
    }

    /** Parses, validates and saves; never throws for bad content, which is reported per line instead. */
    public Result importCsv(String actor, String tenantId, InputStream csv) {
        Parsed parsed;
        try {
            parsed = parse(new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (CharacterCodingException e) {
            return new Result(0, List.of(new LineError(0, "the file is not UTF-8 text: save it as CSV UTF-8")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LineError> errors = new ArrayList<>(parsed.errors());
        int imported = 0;
        if (!parsed.rows().isEmpty()) {
            for (AssetService.RowOutcome outcome : assets.createAll(actor, tenantId, parsed.rows())) {
                if (outcome.error() == null) {
                    imported++;
                } else {
                    errors.add(new LineError(outcome.line(), outcome.error()));
                }
            }
        }
        errors.sort(Comparator.comparingInt(LineError::line));
        return new Result(imported, List.copyOf(errors));
    }

    /** Reads the CSV into valid rows and refused lines; nothing is saved. */
    public static Parsed parse(Reader reader) throws IOException {
        CsvReader csv = new CsvReader(reader);
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        CsvRecord header = csv.next();
        while (header != null && header.isBlank()) {
            header = csv.next();
        }
        if (header == null) {
            errors.add(new LineError(1, "the file is empty: the first line must be the header " + String.join(",", COLUMNS)));
            return new Parsed(rows, errors);
        }
        if (header.error != null) {
            errors.add(new LineError(header.line, header.error));
            return new Parsed(rows, errors);
        }
        Map<String, Integer> columns = new HashMap<>();
        String headerProblem = readHeader(header, columns);
        if (headerProblem != null) {
            errors.add(new LineError(header.line, headerProblem));
            return new Parsed(rows, errors);
        }
        int count = 0;
        for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
            if (record.isBlank()) {
                continue;
            }
            if (++count > MAX_ROWS) {
                errors.add(new LineError(record.line, "more than " + MAX_ROWS + " assets in one file: the rest was not read; split the file"));
                break;
            }
            if (record.error != null) {
                errors.add(new LineError(record.line, record.error));
                continue;
            }
            if (record.fields.size() > header.fields.size()) {
                errors.add(new LineError(record.line, record.fields.size() + " values but the header has "
                        + header.fields.size() + " columns: quote values that contain commas"));
                continue;
            }
            try {
                rows.add(new Row(record.line, AssetSpec.parse(value(record, columns, "name"),
                        value(record, columns, "addresses"), value(record, columns, "type"),
                        value(record, columns, "criticality"), value(record, columns, "purdue_level"),
                        value(record, columns, "zone"), value(record, columns, "owner"))));
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(record.line, e.getMessage()));
            }
        }
        return new Parsed(rows, errors);
    }

    private static String readHeader(CsvRecord header, Map<String, Integer> columns) {
        for (int i = 0; i < header.fields.size(); i++) {
            String column = header.fields.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (i == 0 && column.startsWith("\ufeff")) {
                column = column.substring(1);
            }
            if (!COLUMNS.contains(column)) {
                if (header.fields.size() == 1 && column.contains(";")) {
                    return "the header must be comma-separated: " + String.join(",", COLUMNS);
                }
                return "unknown column '" + header.fields.get(i).strip() + "' (columns: " + String.join(",", COLUMNS) + ")";
            }
            if (columns.putIfAbsent(column, i) != null) {
                return "column '" + column + "' appears twice";
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                return "the header has no column '" + required + "' (columns: " + String.join(",", COLUMNS) + ")";
            }
        }
        return null;
    }

    private static String value(CsvRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.fields.size() ? null : record.fields.get(index);
    }

    /** A valid line: its line number and the asset it describes. */
    public record Row(int line, AssetSpec spec) {
    }

    /** A refused line (0 for the file as a whole) and why. */
    public record LineError(int line, String reason) {
    }

    public record Parsed(List<Row> rows, List<LineError> errors) {
    }

    /** How many assets were imported, and every refused line in line order. */
    public record Result(int imported, List<LineError> errors) {
    }

    private static final class CsvRecord {
        final int line;
        final List<String> fields = new ArrayList<>();
        String error;

        CsvRecord(int line) {
            this.line = line;
        }

        boolean isBlank() {
            return error == null && fields.stream().allMatch(String::isBlank);
        }
    }

    /** RFC 4180 records with the physical line each starts on; CRLF, LF and CR all end a line. */
    private static final class CsvReader {
        private final Reader in;
        private int line = 1;
        private int pushedBack = -2;
        private boolean started;

        CsvReader(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            int c = in.read();
            if (!started) {
                started = true;
                if (c == '\ufeff') {
                    c = in.read(); // a byte order mark (Excel's "CSV UTF-8") is not part of the header
                }
            }
            return c;
        }

        /** The next record, or null at the end of the input. */
        CsvRecord next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            CsvRecord record = new CsvRecord(line);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        record.error = "a quoted value is not closed (a \" is missing)";
                    }
                    record.fields.add(field.toString());
                    return record;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int after = read();
                        if (after == '"') {
                            append(record, field, '"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        if (ch == '\n' || (ch == '\r' && !peekLf())) {
                            line++;
                        }
                        append(record, field, ch);
                    }
                } else if (ch == ',') {
                    record.fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        int after = read();
                        if (after != '\n') {
                            pushedBack = after;
                        }
                    }
                    line++;
                    record.fields.add(field.toString());
                    return record;
                } else if (ch == '"' && !wasQuoted && field.toString().isBlank()) {
                    quoted = true;
                    wasQuoted = true;
                    field.setLength(0);
                } else {
                    append(record, field, ch);
                }
                c = read();
            }
        }

        /** After a CR inside quotes: a following LF is part of the same line break (counted once, at the LF). */
        private boolean peekLf() throws IOException {
            int after = read();
            pushedBack = after;
            return after == '\n';
        }

        private static void append(CsvRecord record, StringBuilder field, char ch) {
            if (field.length() < MAX_FIELD_CHARS) {
                field.append(ch);
            } else if (record.error == null) {
                record.error = "a value is longer than " + MAX_FIELD_CHARS + " characters";
            }
        }
    }
}
