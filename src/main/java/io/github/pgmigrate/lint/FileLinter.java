package io.github.pgmigrate.lint;

import io.github.pgmigrate.directory.Directive;
import io.github.pgmigrate.directory.FileDirectives;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.ddl.AlterAction;
import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.DdlRecognizer;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.SqlTokenizer;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lints one migration file: walks its statements in order, tracking transactions and what the file created. */
final class FileLinter {
    private final LintOptions options;

    FileLinter(LintOptions options) {
        this.options = options;
    }

    /** The findings of the file, suppressions and rule levels applied, plus the number of statements seen. */
    record Result(List<Finding> findings, int statements) {
    }

    Result lint(MigrationFile file, String displayPath) {
        FileDirectives directives = file.directives();
        if (Suppressions.skipsFile(directives)) {
            return new Result(List.of(), 0);
        }
        FindingSink out = new FindingSink(FileLinter.class);
        for (Directive ignored : directives.ignored()) {
            out.reportAt(Rule.DIRECTIVE_NOT_APPLIED, ignored.line(), 1, "Directive atlas:" + ignored.name()
                            + (ignored.argument().isEmpty() ? "" : " " + ignored.argument())
                            + " is not applied: " + directives.whyIgnored() + ".", directives.howToApply() + ".");
        }
        List<Statement> statements;
        try {
            statements = file.statements();
        } catch (SqlSyntaxException e) {
            out.reportAt(Rule.SYNTAX_ERROR, e.line(), e.column(), "The file cannot be split into statements: " + e.problem()
                    + "; it was not linted.", e.hint());
            return new Result(resolve(out, directives, List.of(), displayPath), 0);
        }
        TxMode mode = txMode(directives);
        boolean wrapped = mode != TxMode.NONE;
        PgVersion pg = options.pgVersion();
        MigrationState state = new MigrationState();
        List<StatementView> views = new ArrayList<>();
        List<Ddl> recognized = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        for (Statement statement : statements) {
            List<Token> t = SqlTokenizer.tokenize(statement.text());
            tokens.add(t);
            Ddl ddl = DdlRecognizer.recognize(t);
            recognized.add(ddl);
            if (ddl instanceof Ddl.CreateView view) {
                state.viewsInFile.add(view.name());
            }
        }
        List<RuleGroup> groups = List.of(new TransactionRules(pg, wrapped), new TimeoutRules(), new ContentionRules(),
                new AlterTableRules(pg), new IndexRules(pg), new DestructiveRules(), new MaintenanceRules(pg),
                new SchemaDesignRules(), new RobustnessRules());
        Map<RuleGroup, FindingSink> sinks = new IdentityHashMap<>();
        groups.forEach(group -> sinks.put(group, out.forEmitter(group.getClass())));

        boolean explicitOpen = false;
        StatementView openBegin = null;
        int transactionCounter = 0;
        int explicitTransaction = 0;
        for (int i = 0; i < statements.size(); i++) {
            Ddl ddl = recognized.get(i);
            boolean inTransaction = wrapped || explicitOpen;
            int transactionId = wrapped ? 0 : explicitOpen ? explicitTransaction : -(i + 1);
            StatementView s = new StatementView(statements.get(i), tokens.get(i), ddl, i, inTransaction, transactionId);
            views.add(s);
            if (ddl instanceof Ddl.Begin) {
                if (wrapped) {
                    out.report(Rule.TRANSACTION_NESTING, s, "BEGIN in a file that already runs in a transaction (txmode file):"
                                    + " PostgreSQL warns, the wrapper's COMMIT no longer matches, and the run fails.",
                            "remove BEGIN/COMMIT (the file is already one transaction), or add -- atlas:txmode none to manage transactions yourself.");
                } else if (explicitOpen) {
                    out.report(Rule.TRANSACTION_NESTING, s, "BEGIN while a transaction is already open: PostgreSQL ignores it, so a later COMMIT ends the outer transaction early.",
                            "COMMIT the open transaction first.");
                } else {
                    explicitOpen = true;
                    openBegin = s;
                    explicitTransaction = ++transactionCounter;
                }
                continue;
            }
            if (ddl instanceof Ddl.Commit || ddl instanceof Ddl.Rollback) {
                String word = ddl instanceof Ddl.Commit ? "COMMIT" : "ROLLBACK";
                if (wrapped) {
                    out.report(Rule.TRANSACTION_NESTING, s, word + " in a file that already runs in a transaction (txmode file)"
                                    + " ends Atlas's transaction early; the rest of the file runs without one and the run fails.",
                            "remove BEGIN/COMMIT (the file is already one transaction), or add -- atlas:txmode none to manage transactions yourself.");
                } else if (!explicitOpen) {
                    out.report(Rule.TRANSACTION_NESTING, s, word + " without an open transaction does nothing but warn; the statements before it were not in a transaction.",
                            "add the matching BEGIN, or remove the " + word + ".");
                } else {
                    explicitOpen = false;
                    openBegin = null;
                }
                continue;
            }
            for (RuleGroup group : groups) {
                group.check(s, state, sinks.get(group));
            }
            remember(s, state);
        }
        if (explicitOpen && !wrapped) {
            out.report(Rule.BAN_UNCOMMITTED_TRANSACTION, openBegin, "BEGIN has no COMMIT before the end of the file: the statements after it are rolled back when the session ends.",
                    "add COMMIT; at the end of the transaction.");
        }
        groups.forEach(group -> group.finish(sinks.get(group)));
        return new Result(resolve(out, directives, statements, displayPath), statements.size());
    }

    private TxMode txMode(FileDirectives directives) {
        List<Directive> txmode = directives.named(FileDirectives.TXMODE);
        if (!txmode.isEmpty()) {
            return TxMode.byId(txmode.get(txmode.size() - 1).argument().trim()).orElse(options.txMode());
        }
        return options.txMode();
    }

    /** Records what the statement created or changed, after the rules have seen it. */
    private static void remember(StatementView s, MigrationState state) {
        Ddl ddl = s.ddl();
        int tx = s.transactionId();
        if (ddl instanceof Ddl.CreateTable create) {
            state.tables.add(new MigrationState.Created(create.name(), tx));
        } else if (ddl instanceof Ddl.CreateTableAs create && create.name() != null) {
            state.tables.add(new MigrationState.Created(create.name(), tx));
        } else if (ddl instanceof Ddl.CreateIndex index && index.name() != null) {
            state.indexes.add(new MigrationState.Created(index.name(), tx));
        } else if (ddl instanceof Ddl.CreateSchema schema && schema.name() != null) {
            state.schemas.add(new MigrationState.Created(schema.name(), tx));
        } else if (ddl instanceof Ddl.CreateType type && type.name() != null) {
            state.types.add(new MigrationState.Created(type.name(), tx));
        } else if (ddl instanceof Ddl.CreateDomain domain && domain.name() != null) {
            state.types.add(new MigrationState.Created(domain.name(), tx));
        } else if (ddl instanceof Ddl.CreateView view && view.name() != null) {
            state.views.add(new MigrationState.Created(view.name(), tx));
        } else if (ddl instanceof Ddl.AddEnumValue add) {
            state.addedEnumValues.add(new MigrationState.EnumValue(add.type(), add.label(), tx));
        } else if (ddl instanceof Ddl.AlterTable alter && alter.name() != null) {
            rememberAlter(alter, tx, state);
        }
    }

    private static void rememberAlter(Ddl.AlterTable alter, int tx, MigrationState state) {
        for (AlterAction action : alter.actions()) {
            if (action instanceof AlterAction.AddColumn add && add.column().name() != null) {
                state.addedColumns.add(new MigrationState.TableColumn(alter.name(), add.column().name().name()));
            } else if (action instanceof AlterAction.AddConstraint add && add.constraint().notValid()) {
                state.notValidConstraints.add(new MigrationState.AddedConstraint(alter.name(), add.constraint().name(),
                        add.constraint().notNullCheckColumn(), tx));
            } else if (action instanceof AlterAction.ValidateConstraint validate) {
                Optional<MigrationState.AddedConstraint> added = state.notValidConstraints.stream()
                        .filter(a -> a.table().sameObjectAs(alter.name()) && validate.name() != null && validate.name().equals(a.name()))
                        .findFirst();
                if (added.isEmpty()) {
                    state.validatedForeignConstraintTables.add(alter.name());
                } else if (added.get().notNullColumn() != null) {
                    state.validatedNotNullChecks.add(new MigrationState.TableColumn(alter.name(), added.get().notNullColumn()));
                }
            } else if (action instanceof AlterAction.DropConstraint drop && drop.ifExists() && drop.name() != null) {
                state.droppedConstraintsIfExists.add(drop.name());
            } else if (action instanceof AlterAction.RenameTable rename && rename.to() != null && state.isNewTable(alter.name())) {
                state.tables.add(new MigrationState.Created(
                        new io.github.pgmigrate.ddl.QualifiedName(alter.name().schema(), rename.to().name()), tx));
            }
        }
    }

    private boolean isEnabled(Rule rule) {
        return options.configured(rule).orElse(rule.defaultSetting()) != RuleSetting.OFF;
    }

    /** Applies file- and statement-level suppressions and the configured rule levels. */
    private List<Finding> resolve(FindingSink out, FileDirectives directives, List<Statement> statements, String displayPath) {
        Suppressions.Scope fileScope = Suppressions.fileScope(directives);
        List<Suppressions.Scope> statementScopes = new ArrayList<>();
        List<FindingSink.Raw> all = new ArrayList<>(out.all());
        for (int i = 0; i < statements.size(); i++) {
            List<Suppressions.UnknownName> unknown = new ArrayList<>();
            List<Rule> ignored = new ArrayList<>();
            statementScopes.add(Suppressions.statementScope(statements.get(i).comments(), unknown, ignored));
            int index = i;
            for (Rule rule : ignored) {
                boolean fired = out.all().stream().anyMatch(r -> r.statementIndex() == index && r.rule() == rule);
                if (!fired && isEnabled(rule) && !MeasuredFindings.isMeasured(rule)) { // replay decides those
                    Statement st = statements.get(i);
                    all.add(new FindingSink.Raw(Rule.UNUSED_SUPPRESSION, null, i, st.line(), st.column(),
                            "pgmigrate:ignore " + rule.id() + " suppresses nothing: the rule does not fire on this statement.",
                            "remove " + rule.id() + " from the comment, so it cannot hide a future finding by accident."));
                }
            }
            for (Suppressions.UnknownName name : unknown) {
                Statement st = statements.get(i);
                all.add(new FindingSink.Raw(Rule.UNKNOWN_SUPPRESSION, null, i, st.line(), st.column(),
                        name.name().isEmpty() ? "pgmigrate:ignore names no rule, so it suppresses nothing."
                                : "pgmigrate:ignore names \"" + name.name() + "\", which is no lint rule; nothing is suppressed for it.",
                        "list rule ids, e.g. -- pgmigrate:ignore ban-drop-column (see docs/lint/index.md)."));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (FindingSink.Raw raw : all) {
            if (fileScope.suppresses(raw.rule())) {
                continue;
            }
            if (raw.statementIndex() >= 0 && raw.rule() != Rule.UNKNOWN_SUPPRESSION && raw.rule() != Rule.UNUSED_SUPPRESSION
                    && statementScopes.get(raw.statementIndex()).suppresses(raw.rule())) {
                continue;
            }
            RuleSetting setting = options.configured(raw.rule()).orElse(null);
            FindingSeverity severity;
            if (setting != null) {
                if (setting == RuleSetting.OFF) {
                    continue;
                }
                severity = setting.severity().orElseThrow();
            } else if (raw.rule().defaultSetting() == RuleSetting.OFF) {
                continue;
            } else {
                severity = raw.defaultSeverity() != null ? raw.defaultSeverity() : raw.rule().defaultSetting().severity().orElseThrow();
            }
            findings.add(new Finding(raw.rule(), severity, displayPath, raw.line(), raw.column(), raw.message(), raw.fix()));
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return findings;
    }
}
