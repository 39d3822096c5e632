package io.github.pgmigrate.lint;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.TxMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How to lint: the target PostgreSQL version, the transaction mode of files without an {@code atlas:txmode}
 * directive, and per-rule levels.
 */
public final class LintOptions {
    private final PgVersion pgVersion;
    private final TxMode txMode;
    private final Map<Rule, RuleSetting> settings;

    private LintOptions(PgVersion pgVersion, TxMode txMode, Map<Rule, RuleSetting> settings) {
        this.pgVersion = pgVersion;
        this.txMode = txMode;
        this.settings = settings;
    }

    public static LintOptions defaults() {
        return new LintOptions(PgVersion.DEFAULT, TxMode.FILE, new EnumMap<>(Rule.class));
    }

    public LintOptions withPgVersion(PgVersion version) {
        return new LintOptions(version, txMode, settings);
    }

    public LintOptions withTxMode(TxMode mode) {
        return new LintOptions(pgVersion, mode, settings);
    }

    public LintOptions withRule(Rule rule, RuleSetting setting) {
        Map<Rule, RuleSetting> copy = new EnumMap<>(Rule.class);
        copy.putAll(settings);
        copy.put(rule, setting);
        return new LintOptions(pgVersion, txMode, copy);
    }

    /**
     * Applies a configuration map of rule id to level ({@code error|warning|off}), as given in the pom; unknown ids or
     * levels are refused with the accepted values.
     */
    public LintOptions withRules(Map<String, String> levels) throws ConfigurationException {
        LintOptions result = this;
        for (Map.Entry<String, String> entry : levels.entrySet()) {
            Rule rule = Rule.byId(entry.getKey()).orElseThrow(() -> new ConfigurationException("rules",
                    entry.getKey(), "is not a lint rule",
                    "use one of: " + Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "))));
            RuleSetting setting = RuleSetting.parse(entry.getValue() == null ? "" : entry.getValue())
                    .orElseThrow(() -> new ConfigurationException("rules", rule.id() + "=" + entry.getValue(),
                            "does not end in one of error, warning, off", null));
            result = result.withRule(rule, setting);
        }
        return result;
    }

    public PgVersion pgVersion() {
        return pgVersion;
    }

    public TxMode txMode() {
        return txMode;
    }

    /** The configured level of the rule, if the user set one. */
    public Optional<RuleSetting> configured(Rule rule) {
        return Optional.ofNullable(settings.get(rule));
    }
}
