package io.github.pgmigrate.database;

import io.github.pgmigrate.config.ConnectionTarget;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Explains why a connection attempt failed, with the fix for the usual causes. */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    static DatabaseUnavailableException explain(SQLException e, ConnectionTarget target,
                                                UnaryOperator<String> scrub) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = "cannot connect to " + target.displayUrl() + ": " + SqlErrors.describe(e, scrub);
        return new DatabaseUnavailableException(message,
                hint(state, rootCause(e), scrub.apply(String.valueOf(e.getMessage())), target), e);
    }

    private static String hint(String state, Throwable root, String message, ConnectionTarget target) {
        String host = target.host() == null ? "" : target.host().toLowerCase(Locale.ROOT);
        String lower = message.toLowerCase(Locale.ROOT);
        boolean supabaseDirect = host.startsWith("db.") && host.endsWith(".supabase.co");
        if (supabaseDirect && (root instanceof NoRouteToHostException || root instanceof UnknownHostException
                || (root instanceof SocketException && lower.contains("unreachable")))) {
            return "db.<ref>.supabase.co is reachable over IPv6 only (unless the IPv4 add-on is enabled). From an"
                    + " IPv4-only network such as most CI runners use the session pooler instead:"
                    + " postgres://postgres.<ref>:<password>@aws-0-<region>.pooler.supabase.com:5432/postgres";
        }
        if (root instanceof UnknownHostException) {
            return "the host name " + target.host() + " does not resolve: check the host in <url>";
        }
        if (root instanceof ConnectException || lower.contains("connection refused")) {
            boolean supabase = host.contains("supabase") || target.port() == 6543 || target.port() == 5432;
            return "nothing accepts connections at " + target.host() + ":" + target.port() + ": check host and port,"
                    + " that the server is running and that a firewall lets you in" + (supabase ? ". Supabase"
                    + " listens on 5432 for the direct connection (db.<ref>.supabase.co, user postgres) and for the"
                    + " session pooler (aws-0-<region>.pooler.supabase.com, user postgres.<ref>), and on 6543 for the"
                    + " transaction pooler only; migrations belong on 5432" : "");
        }
        if (lower.contains("timed out") || root instanceof java.net.SocketTimeoutException) {
            return "the server at " + target.host() + ":" + target.port() + " did not answer within the peer timeout:"
                    + " check that this is a PostgreSQL port (not another service or a stalled proxy) and that the"
                    + " server is not stuck, or raise -Dpgmigrate.peerTimeout for a very slow network";
        }
        if (lower.contains("ssl connection is required") || lower.contains("esslrequired")
                || ("28000".equals(state) && lower.contains("no encryption"))) {
            return "the server accepts encrypted connections only (Supabase's \"Enforce SSL\"): add"
                    + " ?sslmode=require to the URL (and drop sslmode=disable), or sslmode=verify-full with"
                    + " sslrootcert=<the project's CA file> to also verify the server";
        }
        if ("53300".equals(state) || lower.contains("too many clients") || lower.contains("too many connections")
                || lower.contains("max_client_conn") || lower.contains("max client") || lower.contains("emaxconn")) {
            return "the server or pooler has no free connection slot (max_connections, a role's CONNECTION LIMIT,"
                    + " PgBouncer's max_client_conn, Supavisor's pool size). pgmigrate needs one connection: close"
                    + " idle clients or retry when the load is lower; on Supabase's session pooler (port 5432 on"
                    + " pooler.supabase.com) the clients are limited to the pool size, so run migrations over the"
                    + " direct connection or raise the pool size in the dashboard";
        }
        if ("28P01".equals(state) || "28000".equals(state)) {
            return "check the user and password (<user>/<password>, a settings.xml <server> or -Dpgmigrate.user /"
                    + " -Dpgmigrate.password); on the Supabase pooler the user is postgres.<project ref>";
        }
        if ("3D000".equals(state)) {
            return "the database named in <url> does not exist on this server";
        }
        if (lower.contains("ssl") || lower.contains("root certificate")) {
            return "SSL negotiation failed: use ?sslmode=require to encrypt without verifying the certificate, or"
                    + " sslmode=verify-full with sslrootcert=<CA file> (note: pgjdbc reads ssl=true as verify-full)";
        }
        if (lower.contains("tenant") || lower.contains("enotfound")) {
            return "the Supabase pooler does not know this user: it must be postgres.<project ref> and the host"
                    + " must be your project's region";
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
