package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.Attribute;
import io.github.pgmigrate.schema.model.CompositeType;
import io.github.pgmigrate.schema.model.Domain;
import io.github.pgmigrate.schema.model.DomainCheck;
import io.github.pgmigrate.schema.model.EnumType;
import io.github.pgmigrate.schema.model.ObjectKind;
import io.github.pgmigrate.schema.model.ObjectRef;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Enums, domains and composite types. */
final class TypeDiffer {
    static final int RANK = 0;

    private final PlanPhases plan;
    private final DiffOptions options;
    private final SchemaModel fromModel;
    private final SchemaModel toModel;

    TypeDiffer(PlanPhases plan, DiffOptions options, SchemaModel fromModel, SchemaModel toModel) {
        this.plan = plan;
        this.options = options;
        this.fromModel = fromModel;
        this.toModel = toModel;
    }

    /** @return the tables whose columns a recreated enum converts (views that read them are recreated), else none */
    List<Table> enumType(EnumType from, EnumType to) {
        String name = Sql.name(to.name());
        List<Step> steps = new ArrayList<>();
        List<Table> converted = List.of();
        boolean recreated = false;
        if (from == null) {
            steps.add(Step.tx("CREATE TYPE " + name + " AS ENUM (" + to.labels().stream().map(Sql::literal)
                    .collect(Collectors.joining(", ")) + ")"));
        } else if (!from.labels().equals(to.labels())) {
            List<String> kept = to.labels().stream().filter(from.labels()::contains).toList();
            if (!kept.equals(from.labels())) {
                converted = EnumRecreation.plan(from, to, fromModel, toModel, plan, steps);
                recreated = true;
            } else {
                addValues(from, to, name, steps);
            }
        }
        plan.unit(ObjectRef.of(ObjectKind.TYPE, to.name()), RANK, steps);
        EnumType before = recreated ? null : from; // a recreated type starts without comment and owner
        meta("TYPE " + name, before == null ? null : before.comment(), to.comment(),
                before == null ? null : before.owner(), to.owner());
        return converted;
    }

    private static void addValues(EnumType from, EnumType to, String name, List<Step> steps) {
        for (int i = 0; i < to.labels().size(); i++) {
            String label = to.labels().get(i);
            if (!from.labels().contains(label)) {
                String position = i > 0 ? " AFTER " + Sql.literal(to.labels().get(i - 1))
                        : " BEFORE " + Sql.literal(to.labels().get(1));
                steps.add(Step.noTx("ALTER TYPE " + name + " ADD VALUE " + Sql.literal(label) + position));
            }
        }
    }

    void domain(Domain from, Domain to) {
        String name = Sql.name(to.name());
        List<Step> steps = new ArrayList<>();
        if (from == null) {
            StringBuilder create = new StringBuilder("CREATE DOMAIN " + name + " AS " + to.baseType());
            if (to.collation() != null) {
                create.append(" COLLATE ").append(to.collation());
            }
            if (to.defaultExpression() != null) {
                create.append(" DEFAULT ").append(to.defaultExpression());
            }
            if (to.notNull()) {
                create.append(" NOT NULL");
            }
            for (DomainCheck check : to.checks()) {
                if (check.validated()) {
                    create.append(" CONSTRAINT ").append(Sql.ident(check.name())).append(' ')
                            .append(check.definition());
                }
            }
            steps.add(Step.tx(create.toString()));
            for (DomainCheck check : to.checks()) {
                if (!check.validated()) {
                    steps.add(Step.tx(addCheck(name, check)));
                }
            }
        } else {
            if (!from.baseType().equals(to.baseType()) || !Objects.equals(from.collation(), to.collation())) {
                throw new UnsupportedChangeException("domain " + to.name() + " changes its base type or collation ("
                        + from.baseType() + " to " + to.baseType() + "): ALTER DOMAIN cannot do that; write this"
                        + " migration by hand");
            }
            String alter = "ALTER DOMAIN " + name;
            if (!Objects.equals(from.defaultExpression(), to.defaultExpression())) {
                steps.add(Step.tx(alter + (to.defaultExpression() == null ? " DROP DEFAULT"
                        : " SET DEFAULT " + to.defaultExpression())));
            }
            if (from.notNull() != to.notNull()) {
                steps.add(Step.tx(alter + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL")));
            }
            for (DomainCheck check : from.checks()) {
                if (to.checks().stream().noneMatch(c -> sameCheck(c, check))) {
                    steps.add(Step.tx(alter + " DROP CONSTRAINT " + Sql.ident(check.name())));
                }
            }
            for (DomainCheck check : to.checks()) {
                DomainCheck before = from.checks().stream().filter(c -> sameCheck(c, check)).findFirst()
                        .orElse(null);
                if (before == null) {
                    steps.add(Step.tx(addCheck(name, check)));
                }
                if (check.validated() && (before == null || !before.validated())) {
                    plan.validations.add(Step.tx(alter + " VALIDATE CONSTRAINT " + Sql.ident(check.name())));
                }
            }
        }
        plan.unit(ObjectRef.of(ObjectKind.TYPE, to.name()), RANK, steps);
        meta("DOMAIN " + name, from == null ? null : from.comment(), to.comment(), from == null ? null : from.owner(),
                to.owner());
    }

    /** @param target {@code TYPE name} or {@code DOMAIN name}, as COMMENT ON and ALTER … OWNER TO name it */
    private void meta(String target, String fromComment, String toComment, String fromOwner, String toOwner) {
        Meta.comment(plan.meta, target, fromComment, toComment);
        Meta.owner(plan.meta, options, "ALTER " + target, fromOwner, toOwner);
    }

    private static boolean sameCheck(DomainCheck a, DomainCheck b) {
        return a.name().equals(b.name()) && a.definition().equals(b.definition());
    }

    private static String addCheck(String domain, DomainCheck check) {
        return "ALTER DOMAIN " + domain + " ADD CONSTRAINT " + Sql.ident(check.name()) + " " + check.definition()
                + " NOT VALID";
    }

    void composite(CompositeType from, CompositeType to) {
        String name = Sql.name(to.name());
        List<Step> steps = new ArrayList<>();
        if (from == null) {
            steps.add(Step.tx("CREATE TYPE " + name + " AS (" + to.attributes().stream().map(TypeDiffer::attribute)
                    .collect(Collectors.joining(", ")) + ")"));
        } else {
            for (Attribute a : from.attributes()) {
                if (find(to, a.name()) == null) {
                    steps.add(Step.tx("ALTER TYPE " + name + " DROP ATTRIBUTE " + Sql.ident(a.name())));
                }
            }
            for (Attribute a : to.attributes()) {
                Attribute before = find(from, a.name());
                if (before == null) {
                    steps.add(Step.tx("ALTER TYPE " + name + " ADD ATTRIBUTE " + attribute(a)));
                } else if (!before.equals(a)) {
                    steps.add(Step.tx("ALTER TYPE " + name + " ALTER ATTRIBUTE " + Sql.ident(a.name()) + " TYPE "
                            + a.type() + (a.collation() == null ? "" : " COLLATE " + a.collation())));
                }
            }
        }
        plan.unit(ObjectRef.of(ObjectKind.TYPE, to.name()), RANK, steps);
        meta("TYPE " + name, from == null ? null : from.comment(), to.comment(), from == null ? null : from.owner(),
                to.owner());
    }

    private static Attribute find(CompositeType type, String name) {
        return type.attributes().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    private static String attribute(Attribute a) {
        return Sql.ident(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + a.collation());
    }

    /** DROP TYPE / DROP DOMAIN, last: nothing uses the type any more by then. */
    void drop(String keyword, io.github.pgmigrate.schema.model.QualifiedName name) {
        Hazard hazard = plan.hazard(keyword.toLowerCase(java.util.Locale.ROOT) + " " + name, "dropped");
        plan.dropLate(ObjectRef.of(ObjectKind.TYPE, name), Step.risky("DROP " + keyword + " " + Sql.name(name),
                hazard.toString()));
    }
}
