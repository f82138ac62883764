package io.budget4j.quota;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@code redis-server} for the tests: started from the PATH on a free port, without
 * persistence, and stopped when closed; or the server {@code BUDGET4J_REDIS_URL} names, which the
 * tests use as it is (and cannot stop).
 */
public final class RedisServer implements AutoCloseable {
    private static final long READY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final String externalUrl;
    private final int port;
    private final List<String> extraArgs;
    private final String password;
    private Path log;
    private int tlsPort = -1;
    private Process process;

    private RedisServer(String externalUrl, int port, List<String> extraArgs, String password) {
        this.externalUrl = externalUrl;
        this.port = port;
        this.extraArgs = extraArgs;
        this.password = password;
    }

    /** The server of {@code BUDGET4J_REDIS_URL} if set, else a new one started from the PATH. */
    public static RedisServer forTests() {
        String url = System.getenv("BUDGET4J_REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new RedisServer(url.trim(), -1, List.of(), null);
        }
        return startLocal(null);
    }

    /** A new local server; with {@code password} set, it requires it ({@code requirepass}). */
    public static RedisServer startLocal(String password) {
        List<String> extra = password == null ? List.of() : List.of("--requirepass", password);
        RedisServer s = new RedisServer(null, freePort(), extra, password);
        s.start();
        return s;
    }

    /**
     * A new local server that also serves TLS (on {@link #tlsPort()}) with {@code cert} and
     * {@code key} (PEM); PING checks readiness on its plain port.
     */
    public static RedisServer startLocalTls(Path cert, Path key) {
        int tlsPort = freePort();
        RedisServer s = new RedisServer(null, freePort(), List.of("--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no"), null);
        s.tlsPort = tlsPort;
        s.start();
        return s;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** True when the tests started this server (and so may stop and restart it). */
    public boolean managed() {
        return externalUrl == null;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT} (no password). */
    public String url() {
        return externalUrl != null ? externalUrl : "redis://127.0.0.1:" + port;
    }

    /** Stops the server, as a crash or an outage would (nothing is saved). */
    public synchronized void stop() {
        requireManaged();
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the stopped server again on the same port, empty. */
    public synchronized void restart() {
        requireManaged();
        stop();
        start();
    }

    @Override
    public void close() {
        if (managed()) {
            stop();
        }
    }

    private synchronized void start() {
        String exe = findOnPath("redis-server");
        List<String> cmd = new ArrayList<>(List.of(exe, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
        cmd.addAll(extraArgs);
        try {
            log = Files.createTempFile("budget4j-redis-" + port + "-", ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + cmd, e);
        }
        awaitPong();
    }

    /** Polls PING until the server answers (a refused connection means it is still starting). */
    private void awaitPong() {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + logTail());
            }
            try {
                if (ping()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING: " + last + "; "
                + logTail());
    }

    private boolean ping() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            String cmd = password == null ? "PING\r\n" : "AUTH " + password + "\r\nPING\r\n";
            out.write(cmd.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[256];
            StringBuilder reply = new StringBuilder();
            int n;
            while (!reply.toString().contains("PONG") && (n = in.read(buf)) > 0) {
                reply.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                if (reply.indexOf("-LOADING") >= 0) {
                    return false;
                }
            }
            return reply.toString().contains("+PONG");
        }
    }

    private String logTail() {
        try {
            String all = Files.readString(log);
            return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void requireManaged() {
        if (!managed()) {
            throw new IllegalStateException("the server of BUDGET4J_REDIS_URL is not the tests' to stop");
        }
    }

    static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        throw new IllegalStateException(name + " is not on the PATH: install it (apt-get install -y "
                + ("redis-server".equals(name) ? "redis-server) or point BUDGET4J_REDIS_URL at a running Redis"
                        : name + ")"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
