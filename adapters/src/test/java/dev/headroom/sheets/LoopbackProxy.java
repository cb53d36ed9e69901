package dev.headroom.sheets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * An HTTP proxy on 127.0.0.1 in front of the Sheets emulator that records the status of every
 * {@code values.append} and fails chosen appends with Google's HTTP 503, either before
 * forwarding them (the rows are not stored) or after (the rows are stored and the response is
 * lost). It can fail chosen {@code spreadsheets.create} calls the same way, and counts the
 * creates it forwards.
 */
final class LoopbackProxy implements AutoCloseable {

    /** What the proxy does with one append or create. */
    enum AppendFault {
        /** Forwards the append and returns the emulator's response. */
        NONE,
        /** Returns 503 without forwarding, so the rows are not stored. */
        BEFORE_FORWARDING,
        /** Forwards the append, then returns 503 in place of the emulator's response. */
        AFTER_FORWARDING
    }

    private static final String UNAVAILABLE = "{\"error\":{\"code\":503,\"message\":"
            + "\"The service is currently unavailable.\",\"status\":\"UNAVAILABLE\"}}";

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<AppendFault> faults = new ArrayDeque<>();
    private final Queue<AppendFault> createFaults = new ArrayDeque<>();
    private int forwardedCreates;
    private final List<Integer> appendStatuses = new ArrayList<>();

    private LoopbackProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a proxy in front of the emulator at {@code targetRoot}. */
    static LoopbackProxy start(String targetRoot) {
        try {
            return new LoopbackProxy(URI.create(targetRoot));
        } catch (IOException e) {
            throw new UncheckedIOException("the loopback proxy failed to start", e);
        }
    }

    /** Returns the proxy's root URL for a Sheets client. */
    URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Applies {@code plan} to the next appends in order; later appends pass unchanged. */
    synchronized void planAppends(AppendFault... plan) {
        faults.addAll(List.of(plan));
    }

    /** Applies {@code plan} to the next creates in order; later creates pass unchanged. */
    synchronized void planCreates(AppendFault... plan) {
        createFaults.addAll(List.of(plan));
    }

    /** Returns how many {@code spreadsheets.create} calls reached the emulator. */
    synchronized int forwardedCreates() {
        return forwardedCreates;
    }

    /** Returns the HTTP status returned for each append so far, in order. */
    synchronized List<Integer> appendStatuses() {
        return List.copyOf(appendStatuses);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean append = exchange.getRequestURI().getPath().endsWith(":append");
            boolean create = exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().endsWith("/v4/spreadsheets");
            AppendFault fault = AppendFault.NONE;
            if (append) {
                fault = nextFault();
            } else if (create) {
                fault = nextCreateFault();
            }
            if (fault == AppendFault.BEFORE_FORWARDING) {
                respond(exchange, 503, UNAVAILABLE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            if (create) {
                countCreate();
            }
            if (fault == AppendFault.AFTER_FORWARDING) {
                respond(exchange, 503, UNAVAILABLE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (append) {
                record(response.statusCode());
            }
            respond(exchange, response.statusCode(), response.body());
        }
    }

    private synchronized AppendFault nextFault() {
        AppendFault fault = faults.isEmpty() ? AppendFault.NONE : faults.remove();
        if (fault != AppendFault.NONE) {
            appendStatuses.add(503);
        }
        return fault;
    }

    private synchronized AppendFault nextCreateFault() {
        return createFaults.isEmpty() ? AppendFault.NONE : createFaults.remove();
    }

    private synchronized void countCreate() {
        forwardedCreates++;
    }

    private synchronized void record(int status) {
        appendStatuses.add(status);
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), publisher);
        for (String header : List.of("Authorization", "Content-Type", "Content-Encoding")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("forwarding " + exchange.getRequestURI() + " was interrupted",
                    e);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
