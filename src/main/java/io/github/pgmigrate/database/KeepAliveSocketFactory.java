package io.github.pgmigrate.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Sockets whose TCP keepalive probes a silent peer within a bounded time. pgjdbc's own {@code tcpKeepAlive} uses the
 * operating system's defaults (on Linux two hours before the first probe); pgjdbc instantiates this class by name
 * ({@code socketFactory}) with the detection time in seconds as its argument ({@code socketFactoryArg}).
 */
public final class KeepAliveSocketFactory extends SocketFactory {
    private final KeepAlive timing;

    /** @param seconds how long an unanswering peer may stay silent before the connection is declared dead */
    public KeepAliveSocketFactory(String seconds) {
        this.timing = KeepAlive.within(Long.parseLong(seconds.strip()));
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setKeepAlive(true);
        set(socket, ExtendedSocketOptions.TCP_KEEPIDLE, timing.idleSeconds());
        set(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, timing.intervalSeconds());
        set(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, KeepAlive.PROBES);
        return socket;
    }

    private static void set(Socket socket, SocketOption<Integer> option, int value) throws IOException {
        if (socket.supportedOptions().contains(option)) {
            socket.setOption(option, value);
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
