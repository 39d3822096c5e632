package io.github.pgmigrate.mojo;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.PgVersion;
import io.github.pgmigrate.lint.RuleLevels;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lint options from the parameters lint and deploy share. */
final class LintConfiguration {
    private LintConfiguration() {
    }

    /**
     * @param rules      {@code <rules>} of the POM, or null
     * @param ruleLevels {@code -Dpgmigrate.lint.rules}, or null
     */
    static LintOptions options(String pgVersion, TxMode txMode, Map<String, String> rules, String ruleLevels)
            throws ConfigurationException {
        PgVersion version = PgVersion.parse(pgVersion);
        TxMode mode = txMode == TxMode.ALL ? TxMode.FILE : txMode;
        Map<String, String> levels = new LinkedHashMap<>();
        if (rules != null) {
            levels.putAll(rules);
        }
        levels.putAll(RuleLevels.parse(ruleLevels));
        return LintOptions.defaults().withPgVersion(version).withTxMode(mode).withRules(levels);
    }
}
