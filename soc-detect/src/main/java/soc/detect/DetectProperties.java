package soc.detect;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Detection settings.
 *
 * @param partitions    partitions of the topics this service creates
 * @param replicas      replication factor of those topics
 * @param sigma         Sigma rules to run
 */
@ConfigurationProperties("soc.detect")
public record DetectProperties(@DefaultValue("6") int partitions,
                               @DefaultValue("1") short replicas,
                               @DefaultValue Sigma sigma) {

    /**
     * Sigma rules, loaded once at start-up.
     *
     * @param ruleDirs      directories (searched recursively for {@code .yml}/{@code .yaml}) or single rule files,
     *                      e.g. a SigmaHQ checkout's {@code rules} directory; each must exist, or start-up fails
     * @param builtInPacks  whether to load the platform's own packs ({@code classpath:sigma/packs/**})
     * @param placeholders  values of Sigma placeholders for the {@code expand} modifier, e.g.
     *                      {@code ot-networks: ['10.20.*']}; a name's dashes also register it with underscores
     *                      ({@code %ot_networks%}). Placeholders without values never match.
     */
    public record Sigma(@DefaultValue List<String> ruleDirs,
                        @DefaultValue("true") boolean builtInPacks,
                        Map<String, List<String>> placeholders) {
        public Sigma {
            ruleDirs = ruleDirs == null ? List.of() : List.copyOf(ruleDirs);
            placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        }
    }
}
