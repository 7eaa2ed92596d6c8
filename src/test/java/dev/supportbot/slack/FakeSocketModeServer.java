package dev.supportbot.slack;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on 127.0.0.1: greets each connection with {@code hello}, sends envelopes on demand and
 * records what the app sends back (its acks). Thread-safe.
 */
final class FakeSocketModeServer extends WebSocketServer {
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> received = new ArrayList<>();
    private volatile WebSocket connection;

    FakeSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link";
    }

    void awaitStarted() throws InterruptedException {
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the fake Socket Mode server did not start");
        }
    }

    void awaitConnection(Duration timeout) throws InterruptedException {
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the app did not connect over Socket Mode within " + timeout);
        }
    }

    void send(String envelope) {
        connection.send(envelope);
    }

    synchronized String awaitMessageContaining(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String message : received) {
                if (message.contains(fragment)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no message with " + fragment + " within " + timeout + "; got " + received);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        connection = socket;
        socket.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                + "\"connection_info\":{\"app_id\":\"A0APP\"}}");
        connected.countDown();
    }

    @Override
    public synchronized void onMessage(WebSocket socket, String message) {
        received.add(message);
        notifyAll();
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        // Socket Mode speaks text frames only.
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        // the test ends the connection itself
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        throw new AssertionError("fake Socket Mode server failed", error);
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
