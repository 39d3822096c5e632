package io.github.pgmigrate.guard;

import io.github.pgmigrate.config.ConnectionTarget;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a URL reaches this machine, judged by its literal text only: {@code localhost}, 127.0.0.0/8, {@code ::1},
 * a unix socket, or the embedded database. Host names are never resolved: a DNS or /etc/hosts alias that points at
 * loopback today may point at production tomorrow, and an alias is exactly how a production database hides.
 */
public final class LocalUrls {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LocalUrls() {
    }

    /** Why the target is local, e.g. "the host is localhost"; empty when it is not (or may not be). */
    public static Optional<String> whyLocal(ConnectionTarget target) {
        if (target.isEmbedded()) {
            return Optional.of("it is this build's embedded database");
        }
        String socketFactory = target.properties().getOrDefault("socketFactory", "");
        if (socketFactory.toLowerCase(Locale.ROOT).contains("unix")) {
            return Optional.of("it connects through a unix socket");
        }
        List<String> hosts = hosts(target);
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        for (String host : hosts) {
            if (!isLoopbackLiteral(host)) {
                return Optional.empty();
            }
        }
        return Optional.of((hosts.size() == 1 ? "the host " : "every host ") + String.join(", ", hosts)
                + (hosts.size() == 1 ? " is" : " are") + " this machine (loopback or a unix socket)");
    }

    /** The hosts of the pgjdbc URL; {@code jdbc:postgresql:db} (no host) connects to localhost. */
    static List<String> hosts(ConnectionTarget target) {
        String url = target.jdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return List.of();
        }
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return List.of("localhost");
        }
        rest = rest.substring(2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        List<String> hosts = new ArrayList<>();
        for (String hostPort : rest.substring(0, end).split(",", -1)) {
            hosts.add(hostOf(hostPort));
        }
        return hosts;
    }

    private static String hostOf(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort : hostPort.substring(0, close + 1);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** Whether the host, as written, is loopback or a unix socket directory. */
    static boolean isLoopbackLiteral(String written) {
        String host = URLDecoder.decode(written.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (host.startsWith("/")) {
            return true;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.equals("localhost.")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            String literal = host.substring(1, host.length() - 1);
            int zone = literal.indexOf('%');
            if (zone >= 0) {
                literal = literal.substring(0, zone);
            }
            // Only hexadecimal digits, colons and dots: InetAddress parses such a literal without any lookup.
            if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+") || !literal.contains(":")) {
                return false;
            }
            try {
                return InetAddress.getByName(literal).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
