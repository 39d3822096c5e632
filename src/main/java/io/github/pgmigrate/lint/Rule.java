package io.github.pgmigrate.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every rule the linter knows, with its id (its page is docs/lint/&lt;id&gt;.md), default level, the class that reports it,
 * and the Atlas codes and analyzer name an {@code atlas:nolint} directive may use to suppress it. The last five are meta
 * rules: they report problems with the files and with the suppressions, not with what a statement does.
 */
public enum Rule {
    // 1A. Blocking locks and table rewrites.
    REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", "CREATE INDEX without CONCURRENTLY blocks writes", RuleSetting.ERROR, IndexRules.class, "concurrent_index", "PG101"),
    REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion", "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE", RuleSetting.WARNING, IndexRules.class, "concurrent_index", "PG102"),
    REQUIRE_CONCURRENT_REINDEX("require-concurrent-reindex", "REINDEX without CONCURRENTLY blocks the table", RuleSetting.ERROR, IndexRules.class, null),
    REQUIRE_CONCURRENT_PARTITION_DETACH("require-concurrent-partition-detach", "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE", RuleSetting.WARNING, AlterTableRules.class, null),
    ADDING_FIELD_WITH_DEFAULT("adding-field-with-default", "ADD COLUMN with a volatile DEFAULT rewrites the table", RuleSetting.ERROR, AlterTableRules.class, null, "PG302"),
    ADDING_GENERATED_STORED_COLUMN("adding-generated-stored-column", "STORED generated column rewrites the table", RuleSetting.ERROR, AlterTableRules.class, null, "PG309"),
    ADDING_AUTO_INCREMENT_COLUMN("adding-auto-increment-column", "Adding a serial/identity column rewrites the table", RuleSetting.ERROR, AlterTableRules.class, null, "PG310"),
    CHANGING_COLUMN_TYPE("changing-column-type", "ALTER COLUMN TYPE rewrites the table", RuleSetting.ERROR, AlterTableRules.class, null, "PG301"),
    ADDING_NOT_NULLABLE_FIELD("adding-not-nullable-field", "SET NOT NULL scans the table under ACCESS EXCLUSIVE", RuleSetting.ERROR, AlterTableRules.class, "data_depend", "PG303", "MF104"),
    CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", "CHECK constraint without NOT VALID scans under ACCESS EXCLUSIVE", RuleSetting.ERROR, AlterTableRules.class, null, "PG305"),
    ADDING_FOREIGN_KEY_CONSTRAINT("adding-foreign-key-constraint", "FOREIGN KEY without NOT VALID blocks writes on both tables", RuleSetting.ERROR, AlterTableRules.class, null, "PG306"),
    VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION("validate-constraint-in-same-transaction", "VALIDATE in the same transaction as ADD … NOT VALID", RuleSetting.ERROR, AlterTableRules.class, null),
    DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint", "UNIQUE constraint builds its index under ACCESS EXCLUSIVE", RuleSetting.ERROR, AlterTableRules.class, null, "PG105"),
    ADDING_PRIMARY_KEY_CONSTRAINT("adding-primary-key-constraint", "PRIMARY KEY builds its index under ACCESS EXCLUSIVE", RuleSetting.ERROR, AlterTableRules.class, null, "PG104", "PG312"),
    ADDING_EXCLUSION_CONSTRAINT("adding-exclusion-constraint", "EXCLUDE constraint has no online path", RuleSetting.ERROR, AlterTableRules.class, null, "PG109"),
    SET_LOGGED_UNLOGGED("set-logged-unlogged", "SET LOGGED/UNLOGGED rewrites the table", RuleSetting.WARNING, AlterTableRules.class, null, "PG307"),
    SET_ACCESS_METHOD("set-access-method", "SET ACCESS METHOD rewrites the table", RuleSetting.WARNING, AlterTableRules.class, null, "PG311"),
    SET_TABLESPACE("set-tablespace", "SET TABLESPACE copies data under ACCESS EXCLUSIVE", RuleSetting.WARNING, MaintenanceRules.class, null),
    CREATE_TRIGGER_ON_EXISTING_TABLE("create-trigger-on-existing-table", "Trigger changes block writes", RuleSetting.WARNING, MaintenanceRules.class, null, "PG308"),
    PREFER_REPACK("prefer-repack", "VACUUM FULL / CLUSTER rewrite under ACCESS EXCLUSIVE", RuleSetting.ERROR, MaintenanceRules.class, null),
    REFRESH_MATVIEW_BLOCKING("refresh-matview-blocking", "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks readers", RuleSetting.WARNING, MaintenanceRules.class, null),
    EXPLICIT_LOCK_TABLE("explicit-lock-table", "Explicit LOCK TABLE", RuleSetting.WARNING, MaintenanceRules.class, null),
    BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT("ban-alter-domain-with-add-constraint", "ALTER DOMAIN ADD CONSTRAINT scans every using table", RuleSetting.WARNING, MaintenanceRules.class, null),
    BAN_CREATE_DOMAIN_WITH_CONSTRAINT("ban-create-domain-with-constraint", "Domain with constraints", RuleSetting.WARNING, MaintenanceRules.class, null),
    STATEMENTS_AFTER_ACCESS_EXCLUSIVE("statements-after-access-exclusive", "Work after an ACCESS EXCLUSIVE lock in the same transaction", RuleSetting.WARNING, ContentionRules.class, null),
    MULTIPLE_ALTER_TABLE_SAME_TABLE("multiple-alter-table-same-table", "Several ALTER TABLE on one table", RuleSetting.WARNING, ContentionRules.class, null),
    MEASURED_TABLE_REWRITE("measured-table-rewrite", "Replay measured a table rewrite no static rule predicted", RuleSetting.ERROR, MeasuredFindings.class, null),
    MEASURED_ACCESS_EXCLUSIVE_LOCK("measured-access-exclusive-lock", "Replay measured an ACCESS EXCLUSIVE lock no static rule predicted", RuleSetting.WARNING, MeasuredFindings.class, null),
    MEASURED_WRITE_BLOCKING_LOCK("measured-write-blocking-lock", "Replay measured a write-blocking lock no static rule predicted", RuleSetting.WARNING, MeasuredFindings.class, null),
    // 1B. Timeouts and version-specific hazards.
    REQUIRE_LOCK_TIMEOUT("require-lock-timeout", "Lock-taking statement without lock_timeout", RuleSetting.WARNING, TimeoutRules.class, null),
    REQUIRE_STATEMENT_TIMEOUT("require-statement-timeout", "Lock-taking statement without statement_timeout", RuleSetting.WARNING, TimeoutRules.class, null),
    LOCK_TIMEOUT_TOO_LONG("lock-timeout-too-long", "lock_timeout disabled or too long", RuleSetting.WARNING, TimeoutRules.class, null),
    PG14_CONCURRENT_INDEX_CORRUPTION("pg14-concurrent-index-corruption", "Concurrent index build on PostgreSQL 14.0-14.3", RuleSetting.ERROR, IndexRules.class, null),
    // 1C. Transaction structure and robustness.
    NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION("non-transactional-statement-in-transaction", "Statement that cannot run in a transaction block", RuleSetting.ERROR, TransactionRules.class,
            "concurrent_index", "PG103", "TX101"),
    TRANSACTION_NESTING("transaction-nesting", "Nested or stray BEGIN/COMMIT", RuleSetting.ERROR, FileLinter.class, null, "TX201"),
    BAN_UNCOMMITTED_TRANSACTION("ban-uncommitted-transaction", "BEGIN without COMMIT", RuleSetting.ERROR, FileLinter.class, null),
    MIXED_TRANSACTIONAL_AND_NON_TRANSACTIONAL("mixed-transactional-and-non-transactional", "Non-transactional file mixes other changes", RuleSetting.WARNING, TransactionRules.class, null, "TX101"),
    ENUM_ADD_VALUE_IN_TRANSACTION("enum-add-value-in-transaction", "Enum ADD VALUE inside a transaction", RuleSetting.ERROR, TransactionRules.class, null),
    PREFER_ROBUST_STMTS("prefer-robust-stmts", "Non-idempotent statement outside a transaction", RuleSetting.WARNING, RobustnessRules.class, null),
    // 1D. Backward compatibility, destructive changes, changes that may fail.
    BAN_DROP_COLUMN("ban-drop-column", "Dropping a column", RuleSetting.ERROR, AlterTableRules.class, "destructive", "DS103"),
    BAN_DROP_TABLE("ban-drop-table", "Dropping a table", RuleSetting.ERROR, DestructiveRules.class, "destructive", "DS102"),
    BAN_DROP_SCHEMA("ban-drop-schema", "Dropping a schema", RuleSetting.ERROR, DestructiveRules.class, "destructive", "DS101"),
    BAN_DROP_DATABASE("ban-drop-database", "Dropping a database", RuleSetting.ERROR, DestructiveRules.class, null),
    BAN_TRUNCATE_CASCADE("ban-truncate-cascade", "TRUNCATE … CASCADE", RuleSetting.ERROR, DestructiveRules.class, null),
    RENAMING_COLUMN("renaming-column", "Renaming a column", RuleSetting.ERROR, AlterTableRules.class, "incompatible", "BC102"),
    RENAMING_TABLE("renaming-table", "Renaming a table", RuleSetting.ERROR, AlterTableRules.class, "incompatible", "BC101"),
    RENAMING_SCHEMA("renaming-schema", "Renaming a schema", RuleSetting.WARNING, DestructiveRules.class, null),
    RENAME_ENUM_VALUE("rename-enum-value", "Renaming an enum value", RuleSetting.WARNING, DestructiveRules.class, null),
    REPLAY_STATEMENT_FAILS("replay-statement-fails", "Statement fails on the replayed schema and data (replay)", RuleSetting.ERROR, MeasuredFindings.class, null),
    RENAME_BREAKS_ROUTINE("rename-breaks-routine", "Rename leaves a function body naming the old name (replay)", RuleSetting.ERROR, MeasuredFindings.class, null),
    BAN_DROP_NOT_NULL("ban-drop-not-null", "Dropping NOT NULL", RuleSetting.WARNING, AlterTableRules.class, null),
    ADDING_REQUIRED_FIELD("adding-required-field", "NOT NULL column without DEFAULT", RuleSetting.ERROR, AlterTableRules.class, "data_depend", "MF103"),
    UNIQUE_INDEX_MAY_FAIL("unique-index-may-fail", "Unique index may fail on duplicates", RuleSetting.WARNING, IndexRules.class, "data_depend", "MF101", "MF102"),
    // 1E. Schema design and style.
    PREFER_BIGINT_OVER_INT("prefer-bigint-over-int", "Prefer bigint over integer", RuleSetting.WARNING, SchemaDesignRules.class, null),
    PREFER_BIGINT_OVER_SMALLINT("prefer-bigint-over-smallint", "Prefer bigint over smallint", RuleSetting.WARNING, SchemaDesignRules.class, null),
    PREFER_IDENTITY("prefer-identity", "Prefer identity columns over serial", RuleSetting.WARNING, SchemaDesignRules.class, null),
    PREFER_TEXT_FIELD("prefer-text-field", "Prefer text over varchar(n)", RuleSetting.WARNING, SchemaDesignRules.class, null),
    BAN_CHAR_FIELD("ban-char-field", "Avoid char(n)", RuleSetting.WARNING, SchemaDesignRules.class, null),
    PREFER_TIMESTAMPTZ("prefer-timestamptz", "Prefer timestamptz over timestamp", RuleSetting.WARNING, SchemaDesignRules.class, null),
    PREFER_JSONB("prefer-jsonb", "Prefer jsonb over json", RuleSetting.WARNING, SchemaDesignRules.class, null),
    AVOID_ENUM_TYPE("avoid-enum-type", "Avoid enum types", RuleSetting.OFF, SchemaDesignRules.class, null),
    REQUIRE_ENUM_VALUE_ORDERING("require-enum-value-ordering", "ADD VALUE without BEFORE/AFTER", RuleSetting.WARNING, SchemaDesignRules.class, null),
    IDENTIFIER_TOO_LONG("identifier-too-long", "Identifier longer than 63 bytes", RuleSetting.WARNING, SchemaDesignRules.class, null),
    REQUIRE_TABLE_SCHEMA("require-table-schema", "Table name without schema", RuleSetting.OFF, SchemaDesignRules.class, null),
    BAN_DUPLICATE_COLUMN_ASSIGNMENTS("ban-duplicate-column-assignments", "Same column named twice", RuleSetting.ERROR, SchemaDesignRules.class, null),
    REPLICA_IDENTITY_CHANGE("replica-identity-change", "REPLICA IDENTITY FULL/NOTHING", RuleSetting.WARNING, AlterTableRules.class, null, "PG314"),
    AUTOVACUUM_DISABLED("autovacuum-disabled", "autovacuum disabled on a table", RuleSetting.WARNING, SchemaDesignRules.class, null, "PG320"),
    FOREIGN_KEY_WITHOUT_INDEX("foreign-key-without-index", "Foreign key without an index on its referencing columns (replay)", RuleSetting.WARNING, MeasuredFindings.class, null),
    // Meta rules: problems with the file or with the linter's own directives.
    SYNTAX_ERROR("syntax-error", "File cannot be split into statements", RuleSetting.ERROR, FileLinter.class, null),
    DIRECTIVE_NOT_APPLIED("directive-not-applied", "Atlas directive that Atlas ignores", RuleSetting.WARNING, FileLinter.class, null),
    UNKNOWN_SUPPRESSION("unknown-suppression", "Suppression naming no rule", RuleSetting.WARNING, FileLinter.class, null),
    UNUSED_SUPPRESSION("unused-suppression", "Suppression that suppresses nothing", RuleSetting.WARNING, FileLinter.class, null),
    EDITED_COMMITTED_MIGRATION("edited-committed-migration", "Already-committed migration was edited", RuleSetting.ERROR, ScopeSelection.class, null);

    private final String id;
    private final String title;
    private final RuleSetting defaultSetting;
    private final Class<?> emittedBy;
    private final String atlasAnalyzer;
    private final List<String> atlasCodes;

    Rule(String id, String title, RuleSetting defaultSetting, Class<?> emittedBy, String atlasAnalyzer,
         String... atlasCodes) {
        this.id = id;
        this.title = title;
        this.defaultSetting = defaultSetting;
        this.emittedBy = emittedBy;
        this.atlasAnalyzer = atlasAnalyzer;
        this.atlasCodes = List.of(atlasCodes);
    }

    public String id() {
        return id;
    }

    /** A short title, for reports. */
    public String title() {
        return title;
    }

    public RuleSetting defaultSetting() {
        return defaultSetting;
    }

    /** The one class that reports this rule: a {@link RuleGroup}, or the file- and scope-level code. */
    public Class<?> emittedBy() {
        return emittedBy;
    }

    /** Whether this is a meta rule: about the files and the suppressions, not about what a statement does. */
    public boolean isMeta() {
        return switch (this) {
            case SYNTAX_ERROR, DIRECTIVE_NOT_APPLIED, UNKNOWN_SUPPRESSION, UNUSED_SUPPRESSION, EDITED_COMMITTED_MIGRATION -> true;
            default -> false;
        };
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
