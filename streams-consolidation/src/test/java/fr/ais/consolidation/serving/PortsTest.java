package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void port_0_gives_a_free_port_that_is_released() throws IOException {
        int port = Ports.freePort(LOOPBACK, 0);
        assertThat(port).isPositive();
        assertThat(Ports.freePort(LOOPBACK, port)).isEqualTo(port);
    }

    @Test
    void a_taken_port_is_refused() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK)) {
            assertThatThrownBy(() -> Ports.freePort(LOOPBACK, taken.getLocalPort())).isInstanceOf(IOException.class);
        }
    }
}
