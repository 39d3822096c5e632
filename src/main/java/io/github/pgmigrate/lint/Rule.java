package io.github.pgmigrate.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every rule the linter knows, with the catalog's id (lint-rules.md), default level, and the Atlas codes and analyzer
 * name an {@code atlas:nolint} directive may use to suppress it.
 */
public enum Rule {
    // 1A. Blocking locks and table rewrites.
    REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", RuleSetting.ERROR, "concurrent_index", "PG101"),
    REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion", RuleSetting.WARNING, "concurrent_index", "PG102"),
    REQUIRE_CONCURRENT_REINDEX("require-concurrent-reindex", RuleSetting.ERROR, null),
    REQUIRE_CONCURRENT_PARTITION_DETACH("require-concurrent-partition-detach", RuleSetting.WARNING, null),
    ADDING_FIELD_WITH_DEFAULT("adding-field-with-default", RuleSetting.ERROR, null, "PG302"),
    ADDING_GENERATED_STORED_COLUMN("adding-generated-stored-column", RuleSetting.ERROR, null, "PG309"),
    ADDING_AUTO_INCREMENT_COLUMN("adding-auto-increment-column", RuleSetting.ERROR, null, "PG310"),
    CHANGING_COLUMN_TYPE("changing-column-type", RuleSetting.ERROR, null, "PG301"),
    ADDING_NOT_NULLABLE_FIELD("adding-not-nullable-field", RuleSetting.ERROR, "data_depend", "PG303", "MF104"),
    CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", RuleSetting.ERROR, null, "PG305"),
    ADDING_FOREIGN_KEY_CONSTRAINT("adding-foreign-key-constraint", RuleSetting.ERROR, null, "PG306"),
    VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION("validate-constraint-in-same-transaction", RuleSetting.ERROR, null),
    DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint", RuleSetting.ERROR, null, "PG105"),
    ADDING_PRIMARY_KEY_CONSTRAINT("adding-primary-key-constraint", RuleSetting.ERROR, null, "PG104", "PG312"),
    ADDING_EXCLUSION_CONSTRAINT("adding-exclusion-constraint", RuleSetting.ERROR, null, "PG109"),
    SET_LOGGED_UNLOGGED("set-logged-unlogged", RuleSetting.WARNING, null, "PG307"),
    SET_ACCESS_METHOD("set-access-method", RuleSetting.WARNING, null, "PG311"),
    SET_TABLESPACE("set-tablespace", RuleSetting.WARNING, null),
    CREATE_TRIGGER_ON_EXISTING_TABLE("create-trigger-on-existing-table", RuleSetting.WARNING, null, "PG308"),
    PREFER_REPACK("prefer-repack", RuleSetting.ERROR, null),
    REFRESH_MATVIEW_BLOCKING("refresh-matview-blocking", RuleSetting.WARNING, null),
    EXPLICIT_LOCK_TABLE("explicit-lock-table", RuleSetting.WARNING, null),
    BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT("ban-alter-domain-with-add-constraint", RuleSetting.WARNING, null),
    BAN_CREATE_DOMAIN_WITH_CONSTRAINT("ban-create-domain-with-constraint", RuleSetting.WARNING, null),
    STATEMENTS_AFTER_ACCESS_EXCLUSIVE("statements-after-access-exclusive", RuleSetting.WARNING, null),
    MULTIPLE_ALTER_TABLE_SAME_TABLE("multiple-alter-table-same-table", RuleSetting.WARNING, null),
    // 1B. Timeouts and version-specific hazards.
    REQUIRE_LOCK_TIMEOUT("require-lock-timeout", RuleSetting.WARNING, null),
    REQUIRE_STATEMENT_TIMEOUT("require-statement-timeout", RuleSetting.WARNING, null),
    LOCK_TIMEOUT_TOO_LONG("lock-timeout-too-long", RuleSetting.WARNING, null),
    PG14_CONCURRENT_INDEX_CORRUPTION("pg14-concurrent-index-corruption", RuleSetting.ERROR, null),
    // 1C. Transaction structure and robustness.
    NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION("non-transactional-statement-in-transaction", RuleSetting.ERROR,
            "concurrent_index", "PG103", "TX101"),
    TRANSACTION_NESTING("transaction-nesting", RuleSetting.ERROR, null, "TX201"),
    BAN_UNCOMMITTED_TRANSACTION("ban-uncommitted-transaction", RuleSetting.ERROR, null),
    MIXED_TRANSACTIONAL_AND_NON_TRANSACTIONAL("mixed-transactional-and-non-transactional", RuleSetting.WARNING, null, "TX101"),
    ENUM_ADD_VALUE_IN_TRANSACTION("enum-add-value-in-transaction", RuleSetting.ERROR, null),
    PREFER_ROBUST_STMTS("prefer-robust-stmts", RuleSetting.WARNING, null),
    // 1D. Backward compatibility, destructive changes, changes that may fail.
    BAN_DROP_COLUMN("ban-drop-column", RuleSetting.ERROR, "destructive", "DS103"),
    BAN_DROP_TABLE("ban-drop-table", RuleSetting.ERROR, "destructive", "DS102"),
    BAN_DROP_SCHEMA("ban-drop-schema", RuleSetting.ERROR, "destructive", "DS101"),
    BAN_DROP_DATABASE("ban-drop-database", RuleSetting.ERROR, null),
    BAN_TRUNCATE_CASCADE("ban-truncate-cascade", RuleSetting.ERROR, null),
    RENAMING_COLUMN("renaming-column", RuleSetting.ERROR, "incompatible", "BC102"),
    RENAMING_TABLE("renaming-table", RuleSetting.ERROR, "incompatible", "BC101"),
    RENAMING_SCHEMA("renaming-schema", RuleSetting.WARNING, null),
    RENAME_ENUM_VALUE("rename-enum-value", RuleSetting.WARNING, null),
    BAN_DROP_NOT_NULL("ban-drop-not-null", RuleSetting.WARNING, null),
    ADDING_REQUIRED_FIELD("adding-required-field", RuleSetting.ERROR, "data_depend", "MF103"),
    UNIQUE_INDEX_MAY_FAIL("unique-index-may-fail", RuleSetting.WARNING, "data_depend", "MF101", "MF102"),
    // 1E. Schema design and style.
    PREFER_BIGINT_OVER_INT("prefer-bigint-over-int", RuleSetting.WARNING, null),
    PREFER_BIGINT_OVER_SMALLINT("prefer-bigint-over-smallint", RuleSetting.WARNING, null),
    PREFER_IDENTITY("prefer-identity", RuleSetting.WARNING, null),
    PREFER_TEXT_FIELD("prefer-text-field", RuleSetting.WARNING, null),
    BAN_CHAR_FIELD("ban-char-field", RuleSetting.WARNING, null),
    PREFER_TIMESTAMPTZ("prefer-timestamptz", RuleSetting.WARNING, null),
    PREFER_JSONB("prefer-jsonb", RuleSetting.WARNING, null),
    AVOID_ENUM_TYPE("avoid-enum-type", RuleSetting.OFF, null),
    REQUIRE_ENUM_VALUE_ORDERING("require-enum-value-ordering", RuleSetting.WARNING, null),
    IDENTIFIER_TOO_LONG("identifier-too-long", RuleSetting.WARNING, null),
    REQUIRE_TABLE_SCHEMA("require-table-schema", RuleSetting.OFF, null),
    BAN_DUPLICATE_COLUMN_ASSIGNMENTS("ban-duplicate-column-assignments", RuleSetting.ERROR, null),
    REPLICA_IDENTITY_CHANGE("replica-identity-change", RuleSetting.WARNING, null, "PG314"),
    AUTOVACUUM_DISABLED("autovacuum-disabled", RuleSetting.WARNING, null, "PG320"),
    // Meta rules: problems with the file or with the linter's own directives.
    SYNTAX_ERROR("syntax-error", RuleSetting.ERROR, null),
    DIRECTIVE_NOT_APPLIED("directive-not-applied", RuleSetting.WARNING, null),
    UNKNOWN_SUPPRESSION("unknown-suppression", RuleSetting.WARNING, null),
    EDITED_COMMITTED_MIGRATION("edited-committed-migration", RuleSetting.ERROR, null);

    private final String id;
    private final RuleSetting defaultSetting;
    private final String atlasAnalyzer;
    private final List<String> atlasCodes;

    Rule(String id, RuleSetting defaultSetting, String atlasAnalyzer, String... atlasCodes) {
        this.id = id;
        this.defaultSetting = defaultSetting;
        this.atlasAnalyzer = atlasAnalyzer;
        this.atlasCodes = List.of(atlasCodes);
    }

    public String id() {
        return id;
    }

    public RuleSetting defaultSetting() {
        return defaultSetting;
    }

    /** The Atlas analyzer name ({@code destructive}, {@code data_depend}, …) that covers this rule, or null. */
    public String atlasAnalyzer() {
        return atlasAnalyzer;
    }

    public List<String> atlasCodes() {
        return atlasCodes;
    }

    /** The documentation page of the rule, relative to the project root. */
    public String docPath() {
        return "docs/lint/" + id + ".md";
    }

    /** Whether a name from a suppression comment (rule id, Atlas code or Atlas analyzer) selects this rule. */
    public boolean isNamedBy(String name) {
        String n = name.trim();
        return n.equalsIgnoreCase(id) || atlasCodes.stream().anyMatch(n::equalsIgnoreCase)
                || (atlasAnalyzer != null && n.equalsIgnoreCase(atlasAnalyzer));
    }

    public static Optional<Rule> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
    }

    /** Whether any rule answers to this name (id, Atlas code or analyzer). */
    public static boolean isKnownName(String name) {
        return Arrays.stream(values()).anyMatch(r -> r.isNamedBy(name));
    }
}
