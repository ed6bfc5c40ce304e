package partnero.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1 for the processes the tests start (gateways, Redis servers), chosen
 * before the process binds them. A port is handed out once per test JVM: a packaged gateway takes a
 * second or more to bind its port, and a second one launched meanwhile must not be offered the same.
 */
final class FreePorts {

    private static final Set<Integer> TAKEN = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int take() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (TAKEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }
    }
}
