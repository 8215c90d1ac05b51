package dev.ddb.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tries every port the stack needs, so that one message can name all the taken ones at once. */
final class PortCheck {

    private final List<String> taken = new ArrayList<>();

    /** Port 0 (pick a free one) is never taken. */
    void expect(int port, String owner, String variable) {
        if (port != 0 && !free(port)) {
            taken.add(port + " (" + owner + ", " + variable + ")");
        }
    }

    Optional<String> takenMessage() {
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((taken.size() == 1 ? "Port " : "Ports ") + String.join(", ", taken)
                + (taken.size() == 1 ? " is" : " are") + " already in use. Stop whatever listens there"
                + " (another DynamoDB Local, Kafka or this stack?) or set the variable(s) named to other ports.");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
