package soc.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Child-process plumbing shared by the components: pid files, stale-process cleanup, stopping, log tails. */
final class Processes {

    private Processes() {
    }

    static void writePidFile(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Long> readPidFile(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            // postmaster.pid has the pid on its first line too
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops a process left behind by an earlier run that died without cleaning up (kill -9, crashed test JVM), using
     * SIGTERM on it and its descendants. See {@link #findStale} for how the pid file is validated.
     */
    static void stopStale(Path pidFile, String marker, String what) {
        findStale(pidFile, marker).ifPresent(stale -> {
            InfraLog.info("stopping stale %s (pid %d) left by a previous run", what, stale.pid());
            stopTree(stale, Duration.ofSeconds(30));
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a leftover pid file is harmless: it is validated against the command line before use
        }
    }

    /**
     * The live process recorded in {@code pidFile}, if any. The pid is only trusted if the process still mentions
     * {@code marker} (the data dir) on its command line, so a recycled pid of an unrelated process is never touched.
     */
    static Optional<ProcessHandle> findStale(Path pidFile, String marker) {
        return readPidFile(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker));
    }

    static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine()
                .orElseGet(() -> info.command().orElse("") + " " + String.join(" ", info.arguments().orElse(new String[0])));
    }

    /**
     * Asks a process and all its descendants to terminate (SIGTERM, which every server here treats as "shut down
     * cleanly"), waits up to {@code grace}, then kills whatever is left.
     *
     * @return true if everything exited within the grace period
     */
    static boolean stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        boolean clean = awaitExit(tree, grace);
        if (!clean) {
            // Descendants may have been spawned after the first listing.
            root.descendants().forEach(tree::add);
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
        return clean;
    }

    static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (p.isAlive()) {
                    return false;
                }
            }
        }
        return true;
    }

    static long fileSize(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last {@code maxLines} lines written to {@code file} since byte {@code fromOffset} (i.e. by this run). */
    static String tail(Path file, long fromOffset, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(fromOffset, raf.length() - 64 * 1024);
            if (start > raf.length()) {
                start = 0; // the file was truncated or replaced
            }
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            Deque<String> lines = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                lines.addLast(line);
                if (lines.size() > maxLines) {
                    lines.removeFirst();
                }
            }
            return lines.stream().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /** Runs a short helper command (chown, id) and returns its output; fails on a non-zero exit. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }
}
