package soc.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the OpenSearch distribution zip (a Maven dependency of this module, so it is in the local repository) and
 * unpacks it once per data dir.
 */
final class OpenSearchDistribution {

    /** Overrides where the zip is looked up, e.g. for a custom local repository. */
    static final String ZIP_PROPERTY = "soc.infra.opensearch.zip";

    private static final String MARKER = ".soc-unpacked";

    private OpenSearchDistribution() {
    }

    /**
     * Lookup order: system property, the path Maven recorded at build time (filtered resource), then the default
     * local repository under the user's home.
     */
    static Path locateZip() {
        Properties recorded = recordedProperties();
        String version = recorded.getProperty("version", "2.19.3");
        String fromProperty = System.getProperty(ZIP_PROPERTY);
        if (fromProperty != null) {
            return requireFile(Path.of(fromProperty));
        }
        String fromBuild = recorded.getProperty("zip");
        if (fromBuild != null && !fromBuild.contains("@") && Files.isRegularFile(Path.of(fromBuild))) {
            return Path.of(fromBuild);
        }
        Path fallback = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "opensearch",
                "distribution", "integ-test-zip", "opensearch", version, "opensearch-" + version + ".zip");
        if (Files.isRegularFile(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("OpenSearch " + version + " zip not found (looked at " + fromBuild + " and "
                + fallback + "). Fetch it with: mvn dependency:get "
                + "-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:" + version + ":zip, or set -D"
                + ZIP_PROPERTY + "=<path>");
    }

    private static Properties recordedProperties() {
        Properties properties = new Properties();
        try (InputStream in = OpenSearchDistribution.class.getResourceAsStream("opensearch.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Path requireFile(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(ZIP_PROPERTY + " points to " + zip + ", which is not a file");
        }
        return zip;
    }

    /**
     * Makes {@code home} contain the unpacked distribution (without the zip's top-level folder). Skipped when a marker
     * from the same zip is present. Unpacks next to {@code home} and renames, so an interrupted unpack never leaves
     * a half-written distribution behind.
     */
    static void ensureUnpacked(Path zip, Path home) throws IOException {
        String stamp = zip.getFileName() + " " + Files.size(zip);
        Path marker = home.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
            return;
        }
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        deleteRecursively(staging);
        unzipWithoutTopFolder(zip, staging);
        Files.writeString(staging.resolve(MARKER), stamp);
        deleteRecursively(home);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void unzipWithoutTopFolder(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path out = target.resolve(relative).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip drops Unix modes; the launch scripts are the only executables in the distribution.
                if (relative.startsWith("bin/") && !relative.endsWith(".bat") && !relative.endsWith(".exe")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
