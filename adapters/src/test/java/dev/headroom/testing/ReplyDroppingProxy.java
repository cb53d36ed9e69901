package dev.headroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a server on loopback that loses the reply to chosen
 * requests. Once the client sends bytes that contain an armed marker, such as the text
 * {@code COMMIT} of PostgreSQL's wire protocol or {@code DynamoDB_20120810.UpdateItem} in an
 * HTTP header, the proxy forwards them and waits until the server starts to respond. It then
 * closes both connections without passing the response on. The server has then processed the
 * request, and the client sees a broken connection: a response lost after the store
 * committed.
 *
 * <p>Each {@link #loseReplyTo} arms one loss; the proxy forwards everything else unchanged. The
 * trigger waits for the server's response rather than for a time, so it does not depend on speed.
 *
 * <p>{@link #loseRequest} arms the other loss: the proxy closes both connections as soon as it
 * reads the marker, without forwarding the bytes of that read. The server never gets the whole
 * request (for a COMMIT, it rolls the transaction back when the connection closes), and the
 * client gets the same broken connection, so it cannot tell the two losses apart.
 *
 * <p>{@link #strandRequest} arms a third loss, a network partition: the proxy closes only the
 * client's connection and keeps the server's open without sending anything more, so the server
 * never learns that the client is gone. For a COMMIT, the server's transaction then stays open
 * and keeps its locks until the server ends the session by itself or the proxy closes.
 */
public final class ReplyDroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "reply-dropping-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Loss> armed = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger lostRequests = new AtomicInteger();
    private volatile boolean closed;

    /** What an armed loss drops. */
    private enum LossKind {
        /** The server's reply; both connections close. */
        REPLY,
        /** The request; both connections close. */
        REQUEST,
        /** The request; only the client's connection closes. */
        STRANDED_REQUEST
    }

    /** An armed loss: the marker that triggers it and what it drops. */
    private record Loss(byte[] marker, LossKind kind) {
    }

    private ReplyDroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** Starts a proxy in front of the server on 127.0.0.1:{@code targetPort}. */
    public static ReplyDroppingProxy start(int targetPort) {
        try {
            return new ReplyDroppingProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("the reply-dropping proxy failed to start", e);
        }
    }

    /** Returns the port that clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Arms the loss of the reply to the next request whose bytes contain {@code marker}
     * (ASCII). Arming it twice loses two replies.
     */
    public synchronized void loseReplyTo(String marker) {
        armed.add(new Loss(marker.getBytes(StandardCharsets.US_ASCII), LossKind.REPLY));
    }

    /**
     * Arms the loss of the next request whose bytes contain {@code marker} (ASCII): the proxy
     * breaks the connection without forwarding it.
     */
    public synchronized void loseRequest(String marker) {
        armed.add(new Loss(marker.getBytes(StandardCharsets.US_ASCII), LossKind.REQUEST));
    }

    /**
     * Arms the loss of the next request whose bytes contain {@code marker} (ASCII) in a
     * partition: the proxy closes the client's connection without forwarding the request, and
     * leaves the server's connection open and silent until {@link #close}.
     */
    public synchronized void strandRequest(String marker) {
        armed.add(new Loss(marker.getBytes(StandardCharsets.US_ASCII),
                LossKind.STRANDED_REQUEST));
    }

    /** Returns how many replies the proxy has lost so far. */
    public int lostReplies() {
        return lost.get();
    }

    /** Returns how many requests the proxy has lost so far. */
    public int lostRequests() {
        return lostRequests.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        targetPort));
                Connection connection = new Connection(client, server);
                synchronized (this) {
                    open.add(client);
                    open.add(server);
                }
                threads.execute(connection::clientToServer);
                threads.execute(connection::serverToClient);
            } catch (IOException e) {
                if (!closed) {
                    // A refused server connection: the client sees its connection closed.
                    continue;
                }
            }
        }
    }

    /**
     * Removes and returns the armed loss whose marker {@code data} contains ending after its
     * first {@code old} bytes, which were seen before, or null.
     */
    private synchronized Loss takeMarker(byte[] data, int old, int length) {
        for (int i = 0; i < armed.size(); i++) {
            if (contains(data, old, length, armed.get(i).marker())) {
                return armed.remove(i);
            }
        }
        return null;
    }

    private static boolean contains(byte[] data, int old, int length, byte[] marker) {
        outer:
        for (int start = Math.max(0, old - marker.length + 1);
                start + marker.length <= length; start++) {
            for (int i = 0; i < marker.length; i++) {
                if (data[start + i] != marker[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** One client connection and its connection to the server. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private volatile boolean dropNextReply;
        /** Set when a request was stranded: the server's connection stays open and silent. */
        private volatile boolean stranded;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /**
         * Copies client bytes to the server. A request is normally sent in one write, and the
         * proxy keeps the last bytes of the previous read so that a marker split across two
         * reads is still found. A lost request ends the copying before its bytes are written.
         */
        void clientToServer() {
            byte[] window = new byte[128 * 1024];
            int carriedOver = 0;
            try {
                InputStream in = client.getInputStream();
                OutputStream out = server.getOutputStream();
                while (true) {
                    int read = in.read(window, carriedOver, window.length - carriedOver);
                    if (read < 0) {
                        break;
                    }
                    int length = carriedOver + read;
                    Loss loss = takeMarker(window, carriedOver, length);
                    if (loss != null && loss.kind() == LossKind.STRANDED_REQUEST) {
                        lostRequests.incrementAndGet();
                        stranded = true;
                        break;
                    }
                    if (loss != null && loss.kind() == LossKind.REQUEST) {
                        lostRequests.incrementAndGet();
                        break;
                    }
                    if (loss != null) {
                        dropNextReply = true;
                    }
                    out.write(window, carriedOver, read);
                    out.flush();
                    carriedOver = Math.min(64, length);
                    System.arraycopy(window, length - carriedOver, window, 0, carriedOver);
                }
            } catch (IOException e) {
                // The connection was closed by either side or by the proxy.
            } finally {
                if (stranded) {
                    closeQuietly(client);
                } else {
                    closeBoth();
                }
            }
        }

        void serverToClient() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = server.getInputStream();
                    OutputStream out = client.getOutputStream()) {
                while (true) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    if (dropNextReply) {
                        lost.incrementAndGet();
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // The connection was closed by either side or by the proxy.
            } finally {
                if (stranded) {
                    closeQuietly(client);
                } else {
                    closeBoth();
                }
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        synchronized (this) {
            open.forEach(ReplyDroppingProxy::closeQuietly);
        }
        threads.shutdownNow();
    }
}
