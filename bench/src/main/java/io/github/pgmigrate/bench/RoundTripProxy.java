package io.github.pgmigrate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of PostgreSQL that adds a one-way delay to every chunk in both directions and counts
 * network round trips: a round trip is counted each time the server starts answering after the client sent
 * something. Only ever listens on and connects to 127.0.0.1.
 */
final class RoundTripProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long delayNanos;
    private final AtomicLong roundTrips = new AtomicLong();
    private volatile boolean open = true;

    RoundTripProxy(int targetPort, long delayMillis) throws IOException {
        this.listener = new ServerSocket();
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.targetPort = targetPort;
        this.delayNanos = delayMillis * 1_000_000;
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    long roundTrips() {
        return roundTrips.get();
    }

    void reset() {
        roundTrips.set(0);
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Connection connection = new Connection();
                pump(client, server, connection, true);
                pump(server, client, connection, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Per client connection: who sent last. */
    private final class Connection {
        private boolean clientSpokeLast;

        synchronized void sawClient() {
            clientSpokeLast = true;
        }

        synchronized void sawServer() {
            if (clientSpokeLast) {
                roundTrips.incrementAndGet();
            }
            clientSpokeLast = false;
        }
    }

    private record Chunk(byte[] bytes, long due) {
    }

    private void pump(Socket from, Socket to, Connection connection, boolean fromClient) {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        connection.sawClient();
                    } else {
                        connection.sawServer();
                    }
                    byte[] copy = java.util.Arrays.copyOf(buffer, n);
                    queue.put(new Chunk(copy, System.nanoTime() + delayNanos));
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            }
            queue.add(new Chunk(null, 0));
        }, "proxy-read");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.bytes() == null) {
                        break;
                    }
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
    }
}
