package fr.ais.consolidation.serving;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Probes a listening port before the work that will listen on it. */
public final class Ports {

    private Ports() {
    }

    /**
     * Binds a probe socket to {@code port} of {@code address}, then frees it.
     *
     * @param port the port wanted, 0 for any free one
     * @return the port bound: {@code port}, or the free one chosen when 0
     * @throws IOException when the port is taken (or the address is not local)
     */
    public static int freePort(InetAddress address, int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
            return probe.getLocalPort();
        }
    }
}
