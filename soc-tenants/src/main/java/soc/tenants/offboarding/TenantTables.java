package soc.tenants.offboarding;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every table that holds a tenant's rows, found in the database catalogue rather than listed by hand, so tables
 * added by later migrations are exported and deleted too: each table with a {@code tenant_id} column, plus tables
 * without one whose foreign keys point at such a table (their rows go with the parent rows). Deletion order
 * follows the foreign keys (children first). Secrets never leave: columns whose names say hash, secret,
 * password, sha256, digest or totp are left out of exports.
 */
@Component
class TenantTables {
    static final Pattern SECRET_COLUMN = Pattern.compile("(?i).*(hash|secret|password|sha256|digest|totp|recovery).*");

    private final JdbcTemplate jdbc;

    TenantTables(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    /** One table and how to select one tenant's rows in it (one {@code ?} parameter: the tenant id). */
    record TenantTable(String name, String predicate) {
    }

    private record ForeignKey(String child, String parent, List<String> childColumns, List<String> parentColumns) {
    }

    /** Tenant tables in deletion order: referencing tables before the tables they reference, {@code tenant} last. */
    List<TenantTable> inDeletionOrder() {
        Set<String> withTenant = new TreeSet<>(jdbc.queryForList("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                """, String.class));
        List<ForeignKey> keys = jdbc.query("""
                select con.conrelid::regclass::text as child, con.confrelid::regclass::text as parent,
                  array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
                        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as child_cols,
                  array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
                        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as parent_cols
                from pg_constraint con
                where con.contype = 'f' and con.connamespace = to_regnamespace(current_schema())
                """, (rs, n) -> new ForeignKey(rs.getString("child"), rs.getString("parent"),
                strings(rs.getArray("child_cols")), strings(rs.getArray("parent_cols"))));

        Map<String, String> predicates = new LinkedHashMap<>();
        for (String table : withTenant) {
            predicates.put(table, "tenant_id = ?");
        }
        for (ForeignKey key : keys) {
            if (!withTenant.contains(key.child()) && withTenant.contains(key.parent()) && !predicates.containsKey(key.child())) {
                predicates.put(key.child(), "(" + String.join(", ", key.childColumns()) + ") in (select "
                        + String.join(", ", key.parentColumns()) + " from " + key.parent() + " where tenant_id = ?)");
            }
        }
        // children first: a table is deleted once no remaining table references it
        Map<String, Set<String>> referencedBy = new HashMap<>();
        for (ForeignKey key : keys) {
            if (predicates.containsKey(key.child()) && predicates.containsKey(key.parent())
                    && !key.child().equals(key.parent())) {
                referencedBy.computeIfAbsent(key.parent(), p -> new HashSet<>()).add(key.child());
            }
        }
        Set<String> remaining = new LinkedHashSet<>(predicates.keySet());
        List<TenantTable> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(t -> referencedBy.getOrDefault(t, Set.of()).stream().noneMatch(remaining::contains))
                    .findFirst().orElse(remaining.iterator().next());
            remaining.remove(next);
            order.add(new TenantTable(next, predicates.get(next)));
        }
        return order;
    }

    /** Streams the tenant's rows of one table as column-value maps (secret columns left out). */
    long export(TenantTable table, String tenantId, Consumer<Map<String, Object>> row) {
        long[] count = {0};
        jdbc.query("select * from " + table.name() + " where " + table.predicate(), rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i);
                if (!SECRET_COLUMN.matcher(column).matches()) {
                    values.put(column, plain(rs, i));
                }
            }
            row.accept(values);
            count[0]++;
        }, tenantId);
        return count[0];
    }

    long delete(TenantTable table, String tenantId) {
        return jdbc.update("delete from " + table.name() + " where " + table.predicate(), tenantId);
    }

    private static Object plain(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(items.length);
            for (Object item : items) {
                list.add(item == null ? null : item.toString());
            }
            return list;
        }
        return value.toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
