package dev.headroom.sheets.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory Google Sheets API v4 server on the JDK's HTTP server. Point the Sheets client at
 * {@link #rootUrl()} with {@code Sheets.Builder(...).setRootUrl(...)}; no credentials are
 * needed, and a bearer token, when sent, names the user whose quota a call counts against.
 *
 * <p>Thread-safe. Calls on one workbook run one at a time; calls on different workbooks run in
 * parallel on {@link EmulatorConfig#workerThreads()} threads.
 */
public final class SheetsEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SheetsEmulator.class);
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ApiHandler handler;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SheetsEmulator(HttpServer server, ExecutorService workers, ApiHandler handler) {
        this.server = server;
        this.workers = workers;
        this.handler = handler;
    }

    /**
     * Starts a server with the given settings and returns once it accepts connections.
     *
     * @throws IOException if the address cannot be bound, for example because the port is taken
     */
    public static SheetsEmulator start(EmulatorConfig config) throws IOException {
        disableNagleUnlessConfigured();
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        HttpServer server = HttpServer.create(address, 0);
        ApiHandler handler = new ApiHandler(config);
        server.createContext("/", handler);
        ExecutorService workers = Executors.newFixedThreadPool(config.workerThreads(),
                runnable -> {
                    Thread thread = new Thread(runnable, "sheets-emulator");
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(workers);
        server.start();
        SheetsEmulator emulator = new SheetsEmulator(server, workers, handler);
        LOG.info("Sheets emulator started at {} (cells per workbook {}, quotas {}, {} windows)",
                emulator.rootUrl(), config.cellLimit(), config.quotaLimits(),
                config.windowKind());
        return emulator;
    }

    /**
     * Turns on TCP_NODELAY for the JDK's HTTP server unless the JVM was started with a choice.
     * The server writes a response's headers and body separately, so with Nagle's algorithm
     * each small response waits for the client's delayed acknowledgement, about 40 ms per call
     * on Linux. The JDK reads the property once, when its server classes first load.
     */
    private static void disableNagleUnlessConfigured() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /** Returns the bound port, the one picked when the configuration asked for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the address the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Returns the root URL to give the Sheets client, such as {@code http://127.0.0.1:5123/}. */
    public String rootUrl() {
        String host = server.getAddress().getAddress().getHostAddress();
        String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "http://" + bracketed + ":" + port() + "/";
    }

    /** Returns the number of calls rejected with HTTP 429 since the start. */
    public long throttledCalls() {
        return handler.throttledCalls();
    }

    /** Blocks until {@link #close()} is called. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the server at once and drops every workbook. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        closed.countDown();
        LOG.info("Sheets emulator at port {} stopped after {} throttled calls", port(),
                throttledCalls());
    }
}
