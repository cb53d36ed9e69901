package dev.headroom.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * One embedded redis-server for all tests in the JVM, bound to 127.0.0.1 on a free port, with
 * persistence off. It starts on first use and stops in a JVM shutdown hook.
 */
final class RedisServers {

    private static RedisServer shared;
    private static int port;

    private RedisServers() {
    }

    /** Returns the port of the shared server, starting the server on first use. */
    static synchronized int port() {
        if (shared == null) {
            start();
        }
        return port;
    }

    private static void start() {
        try {
            port = freeLoopbackPort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            shared = server;
            Runtime.getRuntime().addShutdownHook(new Thread(RedisServers::stop, "redis-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded redis-server from"
                    + " com.github.codemonstur:embedded-redis on 127.0.0.1:" + port, e);
        }
    }

    private static void stop() {
        try {
            shared.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a port that was free on 127.0.0.1 a moment ago. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
