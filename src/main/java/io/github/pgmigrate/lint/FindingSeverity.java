package io.github.pgmigrate.lint;

import java.util.Locale;

/** How serious a finding is. Rules that are switched off have no severity (see {@link RuleSetting}). */
public enum FindingSeverity {
    ERROR, WARNING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
