package soc.detect.sigma;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Safe YAML loading for Sigma: the document is composed into a node tree (no object construction, so no arbitrary
 * types), then converted to plain {@link Map}/{@link List}/{@link String}/{@link Long}/{@link Double}/{@link Boolean}
 * values while the line of every mapping key is remembered for error messages.
 *
 * <p>Scalars keep their text where YAML 1.1 typing would lose it: {@code 0x17}, {@code 010}, {@code yes}/{@code no},
 * dates and the like stay strings; only plain decimal integers/floats become numbers and only {@code true}/
 * {@code false} become booleans.
 */
final class SigmaYaml {
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]{1,18}");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    /** One YAML document converted to plain values, with the lines of mapping keys. */
    record Doc(Object value, Lines lines) {
    }

    /** Remembers the 1-based line of each map key and of each map/list (by identity). */
    static class Lines {
        private final Map<Object, Integer> startLines = new IdentityHashMap<>();
        private final Map<Object, Map<String, Integer>> keyLines = new IdentityHashMap<>();

        int of(Object container) {
            Integer l = startLines.get(container);
            return l == null ? 0 : l;
        }

        int of(Object map, String key) {
            int l = keyLine(map, key);
            return l > 0 ? l : of(map);
        }

        /** Line of a key of a map, 0 when unknown. */
        int keyLine(Object map, String key) {
            Map<String, Integer> m = keyLines.get(map);
            Integer l = m == null ? null : m.get(key);
            return l == null ? 0 : l;
        }

        static Lines none() {
            return new Lines();
        }
    }

    private SigmaYaml() {
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    /** Parses all documents of a YAML stream (empty documents are skipped). */
    static List<Doc> loadAll(String text, String source) {
        List<Doc> docs = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (Node node : newYaml().composeAll(reader)) {
                if (node == null) {
                    continue;
                }
                Lines lines = new Lines();
                docs.add(new Doc(convert(node, lines), lines));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new SigmaException(SigmaException.Kind.YAML_SYNTAX, source, mark == null ? 0 : mark.getLine() + 1,
                    "invalid YAML: " + context + problem.replace('\n', ' '), e);
        } catch (YAMLException e) {
            throw new SigmaException(SigmaException.Kind.YAML_SYNTAX, source, 0, "invalid YAML: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new SigmaException(SigmaException.Kind.YAML_SYNTAX, source, 0, e.toString(), e);
        }
        return docs;
    }

    private static Object convert(Node node, Lines lines) {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>(seq.getValue().size());
            lines.startLines.put(list, node.getStartMark().getLine() + 1);
            for (Node child : seq.getValue()) {
                list.add(convert(child, lines));
            }
            return Collections.unmodifiableList(list);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Object key = keyNode instanceof ScalarNode ks ? scalar(ks) : null;
            String k;
            if (key == null && keyNode instanceof ScalarNode ks2) {
                k = ks2.getValue();
            } else if (key == null) {
                throw new SigmaException(SigmaException.Kind.INVALID_RULE, null, keyNode.getStartMark().getLine() + 1,
                        "mapping keys must be scalars");
            } else {
                k = key.toString();
            }
            if (map.containsKey(k)) {
                throw new SigmaException(SigmaException.Kind.YAML_SYNTAX, null, keyNode.getStartMark().getLine() + 1,
                        "duplicate key '" + k + "'");
            }
            map.put(k, convert(tuple.getValueNode(), lines));
            keyLines.put(k, keyNode.getStartMark().getLine() + 1);
        }
        Map<String, Object> result = Collections.unmodifiableMap(map);
        lines.startLines.put(result, node.getStartMark().getLine() + 1);
        lines.keyLines.put(result, keyLines);
        return result;
    }

    private static Object scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            return text;
        }
        if (Tag.INT.equals(tag) && DECIMAL_INT.matcher(text).matches()) {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        }
        if (Tag.FLOAT.equals(tag) && DECIMAL_FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        return text;
    }
}
