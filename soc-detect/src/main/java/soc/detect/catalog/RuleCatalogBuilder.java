package soc.detect.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import soc.detect.rules.AlertFactory;
import soc.detect.rules.DetectionRule;
import soc.detect.sigma.CompiledRule;
import soc.detect.sigma.SigmaCorrelation;
import soc.detect.sigma.SigmaEngine;
import soc.detect.sigma.SigmaRule;
import soc.events.RuleInfo;
import soc.events.Severity;

/**
 * Describes the rules a detect instance loaded as catalog entries: built-in Java rules, our packs
 * ({@code classpath:sigma/packs/<pack>/...}) and rules from configured directories. Framework-free.
 */
public final class RuleCatalogBuilder {
    static final String PACKS_PREFIX = "classpath:sigma/packs/";
    private static final Set<String> NOT_TACTICS = Set.of("attack");

    private final List<Path> ruleDirs;
    private final Map<String, String> yamlCache = new HashMap<>();

    /** @param ruleDirs the configured rule directories (to name a directory rule's folder) */
    public RuleCatalogBuilder(List<String> ruleDirs) {
        this.ruleDirs = ruleDirs.stream().map(d -> Path.of(d).toAbsolutePath().normalize()).toList();
    }

    public List<RuleInfo> build(List<DetectionRule> builtIn, SigmaEngine engine, Instant now) {
        Map<String, RuleInfo> out = new LinkedHashMap<>();
        for (DetectionRule r : builtIn) {
            out.putIfAbsent(r.id(), new RuleInfo(r.id(), r.title(), r.author(), r.severity().name().toLowerCase(
                    Locale.ROOT), r.severity(), "stable", null, r.techniques(), List.of(), null, null, null,
                    "builtin", "builtin", "detection", null, now));
        }
        for (CompiledRule c : engine.rules()) {
            SigmaRule r = c.rule();
            String id = ruleId(r.id(), r.name(), r.title());
            String[] origin = origin(r.source());
            out.putIfAbsent(id, new RuleInfo(id, r.title(), author(r.author()), r.level(), r.severity(), r.status(),
                    r.description(), r.techniques(), r.tactics(), r.logsource().product(), r.logsource().category(),
                    r.logsource().service(), origin[0], origin[1], "detection", yaml(r.source()), now));
        }
        for (SigmaCorrelation c : engine.correlations()) {
            String id = ruleId(c.id(), c.name(), c.title());
            String[] origin = origin(c.source());
            out.putIfAbsent(id, new RuleInfo(id, c.title(), author(c.author()), c.level(),
                    Severity.fromSigmaLevel(c.level()), c.status(), c.description(), c.techniques(),
                    tactics(c.tags()), null, null, null, origin[0], origin[1], "correlation", yaml(c.source()), now));
        }
        return new ArrayList<>(out.values());
    }

    /** The id alerts of a Sigma rule carry (see {@link AlertFactory}). */
    static String ruleId(String id, String name, String title) {
        return id != null ? id : name != null ? name : "sigma:" + title;
    }

    private static String author(String author) {
        return author == null || author.isBlank() ? AlertFactory.UNKNOWN_AUTHOR : author;
    }

    static List<String> tactics(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (t.startsWith("attack.")) {
                String rest = t.substring("attack.".length());
                if (!rest.matches("(t|g|s|m|ds|a|ta)\\d+(\\.\\d+)?") && !NOT_TACTICS.contains(rest)) {
                    out.add(rest.replace('_', '-'));
                }
            }
        }
        return out;
    }

    /** {origin, pack}: {@code pack/ot}, or {@code directory/<folder within the configured directory>}. */
    String[] origin(String source) {
        if (source == null) {
            return new String[] {"directory", null};
        }
        if (source.startsWith(PACKS_PREFIX)) {
            String rest = source.substring(PACKS_PREFIX.length());
            int slash = rest.indexOf('/');
            return new String[] {"pack", slash > 0 ? rest.substring(0, slash) : rest};
        }
        Path file = Path.of(source).toAbsolutePath().normalize();
        for (Path dir : ruleDirs) {
            if (file.startsWith(dir) && file.getParent() != null) {
                Path folder = dir.relativize(file.getParent());
                return new String[] {"directory", folder.toString().isEmpty() ? dir.getFileName().toString()
                        : folder.toString().replace('\\', '/')};
            }
        }
        return new String[] {"directory", file.getParent() == null ? null : file.getParent().getFileName().toString()};
    }

    /** The rule file's text (pack resource or file), or null when unavailable or too large. */
    String yaml(String source) {
        if (source == null) {
            return null;
        }
        return yamlCache.computeIfAbsent(source, s -> {
            try {
                if (s.startsWith("classpath:")) {
                    try (InputStream in = RuleCatalogBuilder.class.getClassLoader().getResourceAsStream(
                            s.substring("classpath:".length()))) {
                        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                Path p = Path.of(s);
                if (Files.isRegularFile(p) && Files.size(p) <= RuleInfo.MAX_YAML_CHARS) {
                    return Files.readString(p, StandardCharsets.UTF_8);
                }
                return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }
}
