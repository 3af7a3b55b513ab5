package soc.tenants.detection;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.events.RuleInfo;

/**
 * The detection rule catalog: every rule soc-detect loaded (SigmaHQ directories, our OT/IT packs, built-in rules),
 * with its ATT&amp;CK techniques and tactics and its logsource. Not tenant-owned: all tenants run the same catalog
 * (each may switch rules off, see {@link DetectionSettings}). Filled from the {@code soc.rules.v1} topic.
 *
 * <p>Public API for other features (posture dashboards, ATT&amp;CK heat map): {@link #all()}, {@link #search},
 * {@link #find}, {@link #techniqueCounts()}, {@link #tacticCounts()}.
 */
@Service
public class RuleCatalog {
    private static final String COLUMNS = "rule_id, title, author, level, severity, status, description, techniques, "
            + "tactics, product, category, service, origin, pack, kind, yaml, published_at";
    private static final String LIST_COLUMNS = "rule_id, title, author, level, severity, status, description, "
            + "techniques, tactics, product, category, service, origin, pack, kind, null as yaml, published_at";
    private final JdbcTemplate jdbc;

    RuleCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Search criteria; null or blank parts are not applied. */
    public record Filter(String tactic, String technique, String text, String origin, String level) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** Every rule with its techniques, tactics and logsource (without the YAML text), by title. */
    @Transactional(readOnly = true)
    public List<CatalogRule> all() {
        return search(Filter.none(), Integer.MAX_VALUE);
    }

    /**
     * Rules matching the filter, by title, without the YAML text. {@code technique} matches the technique and its
     * sub-techniques ({@code T1059} finds {@code T1059.001}); {@code text} searches title, id and description.
     */
    @Transactional(readOnly = true)
    public List<CatalogRule> search(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("select " + LIST_COLUMNS + " from rule_catalog where true");
        List<Object> args = new ArrayList<>();
        if (notBlank(filter.tactic())) {
            sql.append(" and ? = any(tactics)");
            args.add(filter.tactic().trim().toLowerCase(Locale.ROOT));
        }
        if (notBlank(filter.technique())) {
            String t = filter.technique().trim().toUpperCase(Locale.ROOT);
            sql.append(" and exists (select 1 from unnest(techniques) x where x = ? or x like ?)");
            args.add(t);
            args.add(t.replace("%", "").replace("_", "") + ".%");
        }
        if (notBlank(filter.text())) {
            String like = "%" + filter.text().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" and (lower(title) like ? or lower(rule_id) like ? or lower(coalesce(description, '')) like ?)");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (notBlank(filter.origin())) {
            sql.append(" and (origin = ? or pack = ?)");
            args.add(filter.origin().trim());
            args.add(filter.origin().trim());
        }
        if (notBlank(filter.level())) {
            sql.append(" and severity = ?");
            args.add(filter.level().trim().toUpperCase(Locale.ROOT));
        }
        sql.append(" order by lower(title), rule_id");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" limit ").append(Math.max(0, limit));
        }
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** One rule with its YAML text. */
    @Transactional(readOnly = true)
    public Optional<CatalogRule> find(String ruleId) {
        return jdbc.query("select " + COLUMNS + " from rule_catalog where rule_id = ?", ROW, ruleId).stream()
                .findFirst();
    }

    /** Number of rules per ATT&amp;CK technique id, by technique. */
    @Transactional(readOnly = true)
    public Map<String, Integer> techniqueCounts() {
        return counts("techniques");
    }

    /** Number of rules per ATT&amp;CK tactic, by tactic. */
    @Transactional(readOnly = true)
    public Map<String, Integer> tacticCounts() {
        return counts("tactics");
    }

    private Map<String, Integer> counts(String column) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.query("select x, count(*) from rule_catalog, unnest(" + column + ") x group by x order by x",
                (ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** Number of rules in the catalog. */
    @Transactional(readOnly = true)
    public int size() {
        Integer n = jdbc.queryForObject("select count(*) from rule_catalog", Integer.class);
        return n == null ? 0 : n;
    }

    /** Inserts or replaces catalog entries (from the rules topic). */
    @Transactional
    public void upsert(List<RuleInfo> rules) {
        if (rules.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into rule_catalog (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "on conflict (rule_id) do update set title = excluded.title, author = excluded.author, "
                + "level = excluded.level, severity = excluded.severity, status = excluded.status, "
                + "description = excluded.description, techniques = excluded.techniques, tactics = excluded.tactics, "
                + "product = excluded.product, category = excluded.category, service = excluded.service, "
                + "origin = excluded.origin, pack = excluded.pack, kind = excluded.kind, yaml = excluded.yaml, "
                + "published_at = excluded.published_at", rules, 500, (ps, r) -> {
                    ps.setString(1, r.ruleId());
                    ps.setString(2, r.title() == null ? r.ruleId() : r.title());
                    ps.setString(3, r.author());
                    ps.setString(4, r.level());
                    ps.setString(5, r.severity() == null ? "MEDIUM" : r.severity().name());
                    ps.setString(6, r.status());
                    ps.setString(7, r.description());
                    ps.setArray(8, ps.getConnection().createArrayOf("text", r.techniques().toArray()));
                    ps.setArray(9, ps.getConnection().createArrayOf("text", r.tactics().toArray()));
                    ps.setString(10, r.product());
                    ps.setString(11, r.category());
                    ps.setString(12, r.service());
                    ps.setString(13, r.origin() == null ? "directory" : r.origin());
                    ps.setString(14, r.pack());
                    ps.setString(15, r.kind() == null ? "detection" : r.kind());
                    ps.setString(16, r.yaml() == null ? null : r.yaml().replace("\u0000", ""));
                    ps.setTimestamp(17, Timestamp.from(r.publishedAt() == null ? java.time.Instant.now()
                            : r.publishedAt()));
                });
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static final RowMapper<CatalogRule> ROW = (rs, i) -> new CatalogRule(rs.getString("rule_id"),
            rs.getString("title"), rs.getString("author"), rs.getString("level"), rs.getString("severity"),
            rs.getString("status"), rs.getString("description"), strings(rs.getArray("techniques")),
            strings(rs.getArray("tactics")), rs.getString("product"), rs.getString("category"),
            rs.getString("service"), rs.getString("origin"), rs.getString("pack"), rs.getString("kind"),
            rs.getString("yaml"), rs.getTimestamp("published_at").toInstant());

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
