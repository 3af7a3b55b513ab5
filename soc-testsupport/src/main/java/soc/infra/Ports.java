package soc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback port helpers. */
final class Ports {

    private Ports() {
    }

    /** {@code count} distinct ports that were free a moment ago (all sockets are held open together, so no duplicates). */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket does not fail in a way that matters here
                }
            }
        }
    }

    static int freePort() {
        return freePorts(1)[0];
    }

    static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails fast with a readable message instead of letting a server die later with a bind error in its log. */
    static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalStateException(what + " port " + port + " is already in use on localhost");
        }
    }
}
