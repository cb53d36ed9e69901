package dev.headroom.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dynalite server (an open-source DynamoDB implementation from the npm registry) that runs
 * as a child process on 127.0.0.1 for the tests.
 *
 * <p>The first start installs the exact versions in {@code src/test/dynalite/package-lock.json}
 * into {@code target/dynalite} with {@code npm ci}. Later starts reuse that folder. Tables live
 * in memory and are created at once ({@code --createTableMs 0}).
 */
final class DynaliteServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path cli;
    private final Path installDir;
    private final Path dataDir;

    private DynaliteServer(Process process, int port, Path cli, Path installDir, Path dataDir) {
        this.process = process;
        this.port = port;
        this.cli = cli;
        this.installDir = installDir;
        this.dataDir = dataDir;
    }

    /**
     * Installs dynalite when it is missing, starts it on a free loopback port and waits until it
     * accepts connections.
     *
     * @throws IllegalStateException if node or npm is missing, the install fails, or the server
     *     does not start
     */
    static DynaliteServer start() {
        return start(null);
    }

    /**
     * Starts a dynalite like {@link #start()} that keeps its tables in LevelDB files under
     * {@code dataDir} rather than in memory, so that {@link #restart()} finds them again.
     */
    static DynaliteServer startPersistent(Path dataDir) {
        return start(dataDir);
    }

    private static DynaliteServer start(Path dataDir) {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        Path installDir = moduleDir.resolve("target/dynalite");
        Path cli = installDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            install(moduleDir.resolve("src/test/dynalite"), installDir);
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return launch(cli, installDir, freePort(), dataDir);
            } catch (IllegalStateException e) {
                last = e;
                LOG.warn("dynalite start attempt {} of {} failed: {}", attempt, START_ATTEMPTS,
                        e.getMessage());
            }
        }
        throw last;
    }

    /**
     * Starts a stopped server again on the same port, with the same data if it is persistent,
     * and waits until it accepts connections.
     */
    DynaliteServer restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("dynalite on port " + port + " is still running");
        }
        return launch(cli, installDir, port, dataDir);
    }

    /** Returns the URI to pass to the DynamoDB client's endpoint override. */
    URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /** Stops the server and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LOG.info("dynalite on port {} stopped", port);
    }

    private static void install(Path sourceDir, Path installDir) {
        requireTool("node");
        requireTool("npm");
        try {
            Files.createDirectories(installDir);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(sourceDir.resolve(file), installDir.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("Installing dynalite into {} with npm ci", installDir);
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit",
                    "--no-fund")
                    .directory(installDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(installDir.resolve("npm-ci.log").toFile())
                    .start();
            boolean finished = npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + installDir
                        + "; see npm-ci.log there, and check that the npm registry is reachable");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not install dynalite into " + installDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dynalite install was interrupted", e);
        }
    }

    private static void requireTool(String command) {
        try {
            Process probe = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // Reported below with the install hint.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(command + " was not found on the PATH, and the DynamoDB"
                + " tests need Node.js 20 or later with npm to run dynalite; install them, for"
                + " example with 'apt-get install nodejs npm' on Debian");
    }

    private static DynaliteServer launch(Path cli, Path installDir, int port, Path dataDir) {
        Path log = installDir.resolve("dynalite-" + port + ".log");
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host",
                LOOPBACK, "--port", Integer.toString(port), "--createTableMs", "0",
                "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.addAll(List.of("--path", dataDir.toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start dynalite: " + e.getMessage(), e);
        }
        DynaliteServer server = new DynaliteServer(process, port, cli, installDir, dataDir);
        if (!awaitConnectable(process, port)) {
            server.close();
            throw new IllegalStateException("dynalite did not accept connections on port " + port
                    + " within " + START_TIMEOUT.toSeconds() + " s; see " + log);
        }
        LOG.info("dynalite started on {}:{} (pid {})", LOOPBACK, port, process.pid());
        return server;
    }

    private static boolean awaitConnectable(Process process, int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return true;
            } catch (IOException notYet) {
                pause();
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + LOOPBACK, e);
        }
    }
}
