package org.caseflow.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: everything the local default starts binds 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * A free loopback port (when {@code wanted} is 0), else {@code wanted} if it is free. A free port is taken below the
     * system's ephemeral range: a port the OS hands out as "any free port" is also one it may give an outgoing
     * connection's source in the seconds before our server binds it (seen here: the registry failing with "port in use").
     */
    public static int pick(int wanted) {
        if (wanted == 0) {
            int low = ephemeralLow();
            for (int attempt = 0; attempt < 200 && low > 11_000; attempt++) {
                int candidate = 10_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(low - 10_000);
                if (isFree(candidate)) {
                    return candidate;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), wanted));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("port " + wanted + " on " + LOOPBACK + " is in use; choose another or stop what holds it", e);
        }
    }

    /** The lowest port the OS uses for outgoing connections (Linux: ip_local_port_range); 0 when unknown. */
    static int ephemeralLow() {
        try {
            String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Whether {@code port} on loopback can be bound now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
