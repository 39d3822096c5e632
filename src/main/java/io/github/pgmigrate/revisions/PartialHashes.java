package io.github.pgmigrate.revisions;

import io.github.pgmigrate.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Atlas's {@code partial_hashes}: for statement i, {@code h1:} + base64(SHA-256(text 0 ‖ … ‖ text i)), a running
 * hash over the statement texts without separators. A resumed file must still start with the statements these
 * hashes describe.
 */
public final class PartialHashes {
    public static final String PREFIX = "h1:";

    private PartialHashes() {
    }

    /** One {@code h1:} hash per statement. */
    public static List<String> of(List<Statement> statements) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        List<String> hashes = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            digest.update(statement.text().getBytes(StandardCharsets.UTF_8));
            try {
                MessageDigest snapshot = (MessageDigest) digest.clone();
                hashes.add(PREFIX + Base64.getEncoder().encodeToString(snapshot.digest()));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
            }
        }
        return hashes;
    }

    /**
     * The 0-based index of the first applied statement whose text changed, or -1 when the file still starts with the
     * applied statements. A file with fewer statements than were applied reports the first missing index.
     */
    public static int firstChanged(List<String> stored, List<String> current) {
        for (int i = 0; i < stored.size(); i++) {
            if (i >= current.size()) {
                return i;
            }
            String storedHash = stored.get(i).startsWith(PREFIX) ? stored.get(i) : PREFIX + stored.get(i);
            if (!storedHash.equals(current.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
