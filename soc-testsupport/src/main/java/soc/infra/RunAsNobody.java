package soc.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Starting a server as user 'nobody' when this JVM runs as root (OpenSearch refuses to run as root). */
final class RunAsNobody {

    private static volatile String[] nobodyIds;

    private RunAsNobody() {
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** uid and gid of 'nobody' (65534 on Debian, but the group's name differs between distributions). */
    private static String[] nobodyIds() {
        if (nobodyIds == null) {
            nobodyIds = new String[] {Processes.run("id", "-u", "nobody"), Processes.run("id", "-g", "nobody")};
        }
        return nobodyIds;
    }

    /**
     * Command prefix that runs the rest of the command as 'nobody'. setpriv execs the command, unlike runuser/su,
     * which stay in between as a parent that SIGKILLs the child a few seconds after forwarding a SIGTERM.
     */
    static List<String> commandPrefix() {
        String[] ids = nobodyIds();
        return List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", "--");
    }

    static void chown(Path... dirs) {
        String[] ids = nobodyIds();
        List<String> command = new ArrayList<>(List.of("chown", "-R", ids[0] + ":" + ids[1]));
        for (Path dir : dirs) {
            command.add(dir.toString());
        }
        Processes.run(command.toArray(String[]::new));
    }

    /** Our own directories get o+rx regardless of the umask, so 'nobody' can walk through them. */
    static void makeReachable(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (perms.add(PosixFilePermission.OTHERS_EXECUTE) | perms.add(PosixFilePermission.OTHERS_READ)) {
                Files.setPosixFilePermissions(dir, perms);
            }
        }
    }

    /** Every ancestor must be traversable by others, or 'nobody' cannot reach the files (e.g. anything under /root). */
    static void requireTraversable(Path dir, String why) throws IOException {
        for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException(why + ", but " + p + " is not traversable by other users (mode "
                        + PosixFilePermissions.toString(perms) + "). Use a data dir elsewhere, e.g. under /tmp or "
                        + "the project's target/.");
            }
        }
    }
}
