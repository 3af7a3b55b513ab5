package soc.cases.alerts;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import soc.events.Severity;
import soc.events.TenantIds;

/**
 * A filter of the alert queue, as typed into its form or kept as a saved filter (a query string). Plain Java:
 * unknown or malformed values are dropped, never guessed.
 *
 * @param tenant      one tenant (ignored for tenant users, who are pinned to their own)
 * @param minSeverity this severity or higher
 * @param status      one status
 * @param rule        a rule id, or part of a rule title
 * @param technique   an ATT&amp;CK technique id (T1003, T1003.001, T0855)
 * @param asset       a host name, user or address that appears in the alert's key fields
 * @param from        received at or after (UTC; a date alone means its start)
 * @param to          received before (UTC; a date alone means the end of that day)
 * @param sort        the order
 */
public record AlertQuery(String tenant, Severity minSeverity, AlertStatus status, String rule, String technique,
                         String asset, Instant from, Instant to, QueueSort sort) {
    public static final int MAX_TEXT = 200;

    public AlertQuery {
        tenant = tenant == null || !TenantIds.isValid(tenant.strip()) ? null : tenant.strip();
        rule = text(rule);
        technique = technique == null || !technique.strip().toUpperCase(Locale.ROOT).matches("T\\d{4}(\\.\\d{3})?")
                ? null : technique.strip().toUpperCase(Locale.ROOT);
        asset = text(asset);
        sort = sort == null ? QueueSort.NEWEST : sort;
    }

    public static AlertQuery all() {
        return new AlertQuery(null, null, null, null, null, null, null, null, QueueSort.NEWEST);
    }

    /** The same filter for one tenant (tenant users). */
    public AlertQuery pinnedTo(String tenantId) {
        return new AlertQuery(tenantId, minSeverity, status, rule, technique, asset, from, to, sort);
    }

    /** Reads the query's parameters (names as in {@link #toParameters()}); anything invalid is left out. */
    public static AlertQuery of(Function<String, String> parameter) {
        return new AlertQuery(parameter.apply("tenant"), parse(Severity.class, parameter.apply("severity")),
                parse(AlertStatus.class, parameter.apply("status")), parameter.apply("rule"),
                parameter.apply("technique"), parameter.apply("asset"), time(parameter.apply("from"), false),
                time(parameter.apply("to"), true), parse(QueueSort.class, parameter.apply("sort")));
    }

    /** Parses a query string such as {@code severity=HIGH&technique=T1003} (a saved filter). */
    public static AlertQuery parse(String queryString) {
        Map<String, String> values = new LinkedHashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return of(values::get);
    }

    /** The filter's non-empty parameters, in a fixed order. */
    public Map<String, String> toParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "tenant", tenant);
        put(values, "severity", minSeverity == null ? null : minSeverity.name());
        put(values, "status", status == null ? null : status.name());
        put(values, "rule", rule);
        put(values, "technique", technique);
        put(values, "asset", asset);
        put(values, "from", from == null ? null : from.toString());
        put(values, "to", to == null ? null : to.toString());
        put(values, "sort", sort == QueueSort.NEWEST ? null : sort.name());
        return values;
    }

    /** The filter as a query string, without a leading '?' (empty for no filter). */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        toParameters().forEach((key, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    public boolean isEmpty() {
        return toParameters().isEmpty();
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An instant, a date-time (as an HTML datetime-local field sends it, UTC) or a date. */
    static Instant time(String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // not an instant
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a date-time
        }
        try {
            LocalDate date = LocalDate.parse(v);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
