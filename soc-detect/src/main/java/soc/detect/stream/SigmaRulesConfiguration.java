package soc.detect.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import soc.detect.DetectProperties;
import soc.detect.sigma.LoadReport;
import soc.detect.sigma.SigmaEngine;

/**
 * Builds the Sigma engine once at start-up: the platform's packs ({@code classpath:sigma/packs/**}) and every
 * configured rule directory ({@code soc.detect.sigma.rule-dirs}). Rules that do not compile are reported and
 * skipped; a configured directory that does not exist stops the start-up (a typo must not silently disable
 * detection).
 */
@Configuration(proxyBeanMethods = false)
class SigmaRulesConfiguration {
    static final String PACKS = "classpath*:sigma/packs/**/*.yml";
    private static final Logger log = LoggerFactory.getLogger(SigmaRulesConfiguration.class);
    private static final int MAX_LOGGED_FAILURES = 20;

    @Bean
    SigmaEngine sigmaEngine(DetectProperties properties) {
        long start = System.nanoTime();
        SigmaEngine engine = build(properties.sigma());
        LoadReport r = engine.loadReport();
        log.info("Sigma rules loaded in {} ms: {} rules active ({} from built-in packs), {} failed {}, {} "
                        + "correlation rules (see soc.detect.correlation), {} filters, {} unroutable, {} warnings; rule dirs {}",
                (System.nanoTime() - start) / 1_000_000, r.rules(), engine.rules().stream()
                        .filter(c -> c.rule().source().startsWith("classpath:")).count(), r.failures().size(),
                r.failuresByKind(), r.correlations(), r.filters(), r.unroutable().size(), r.warnings().size(),
                properties.sigma().ruleDirs());
        log.info("Sigma placeholders: {}", properties.sigma().placeholders());
        r.failures().stream().limit(MAX_LOGGED_FAILURES).forEach(f -> log.warn("Sigma rule rejected ({}): {}",
                f.kind(), f.message()));
        if (r.failures().size() > MAX_LOGGED_FAILURES) {
            log.warn("... and {} more rejected Sigma rules", r.failures().size() - MAX_LOGGED_FAILURES);
        }
        r.warnings().forEach(w -> log.warn("Sigma: {}", w));
        return engine;
    }

    static SigmaEngine build(DetectProperties.Sigma settings) {
        SigmaEngine.Builder builder = SigmaEngine.builder();
        settings.placeholders().forEach((name, values) -> {
            List<String> list = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                    .toList();
            builder.placeholder(name, list);
            builder.placeholder(name.replace('-', '_'), list);
        });
        if (settings.builtInPacks()) {
            for (Map.Entry<String, String> pack : builtInPacks().entrySet()) {
                builder.addYaml(pack.getValue(), pack.getKey());
            }
        }
        for (String dir : settings.ruleDirs()) {
            Path path = Path.of(dir);
            if (!Files.exists(path)) {
                throw new IllegalStateException("soc.detect.sigma.rule-dirs: " + path.toAbsolutePath()
                        + " does not exist");
            }
            builder.load(path);
        }
        return builder.build();
    }

    /** The built-in packs: source name ({@code classpath:sigma/packs/...}) to YAML text, in path order. */
    static Map<String, String> builtInPacks() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(PACKS);
            Map<String, String> out = new java.util.TreeMap<>();
            for (Resource r : resources) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf("sigma/packs/");
                out.put("classpath:" + url.substring(at), r.getContentAsString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in Sigma packs", e);
        }
    }
}
