package io.github.pgmigrate.devdb;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.ConnectionUrls;
import io.github.pgmigrate.config.Environment;
import java.util.Map;

/**
 * Which server dev databases go to: {@code -Dpgmigrate.devUrl} or the environment's {@code <devUrl>} (any URL form
 * {@code <url>} accepts, {@code embedded[:major]} included); without one, the embedded PostgreSQL of the target's
 * major when that is known and shipped, else of the default major.
 */
public final class DevUrls {
    private DevUrls() {
    }

    /**
     * @param devUrl      the configured devUrl, or null
     * @param targetMajor the target server's PostgreSQL major, or null when unknown
     */
    public static ConnectionSettings choose(String devUrl, Integer targetMajor) throws ConfigurationException {
        String url = devUrl == null || devUrl.isBlank() ? defaultUrl(targetMajor) : devUrl.strip();
        try {
            return ConnectionSettings.of(new Environment("dev", url, null, null, null, null, null, Map.of(), true));
        } catch (ConfigurationException e) {
            throw new ConfigurationException("devUrl: " + e.getMessage(), e.hint());
        }
    }

    private static String defaultUrl(Integer targetMajor) {
        boolean shipped = targetMajor != null && targetMajor >= ConnectionUrls.OLDEST_EMBEDDED_MAJOR
                && targetMajor <= ConnectionUrls.NEWEST_EMBEDDED_MAJOR;
        return "embedded:" + (shipped ? targetMajor : ConnectionUrls.DEFAULT_EMBEDDED_MAJOR);
    }
}
