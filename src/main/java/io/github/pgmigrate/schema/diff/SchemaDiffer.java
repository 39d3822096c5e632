package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.CompositeType;
import io.github.pgmigrate.schema.model.Dependency;
import io.github.pgmigrate.schema.model.Domain;
import io.github.pgmigrate.schema.model.EnumType;
import io.github.pgmigrate.schema.model.Extension;
import io.github.pgmigrate.schema.model.Grant;
import io.github.pgmigrate.schema.model.Namespace;
import io.github.pgmigrate.schema.model.ObjectKind;
import io.github.pgmigrate.schema.model.ObjectRef;
import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.Routine;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Sequence;
import io.github.pgmigrate.schema.model.Table;
import io.github.pgmigrate.schema.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns two schema models into the plan that makes the first into the second: drops before creations, each group in
 * dependency order (drops in reverse), views recreated when what they read changes, and online-safe statements for
 * tables that already exist (see {@link DiffOptions}). Destructive changes are listed as hazards; the caller decides
 * whether to run them.
 */
public final class SchemaDiffer {
    private static final int SEQUENCE_RANK = 1;
    private static final int ROUTINE_RANK = 2;
    private static final int VIEW_RANK = 4;
    private static final List<Grant> ROUTINE_DEFAULT_GRANTS = List.of(new Grant(Grant.PUBLIC, "EXECUTE", false));

    private final SchemaModel from;
    private final SchemaModel to;
    private final DiffOptions options;
    private final PlanPhases plan = new PlanPhases();
    private final TableDiffer tables;
    private final TypeDiffer types;
    /** Objects whose change forces views that read them to be recreated. */
    private final Set<ObjectRef> reshaped = new HashSet<>();

    private SchemaDiffer(SchemaModel from, SchemaModel to, DiffOptions options) {
        this.from = from;
        this.to = to;
        this.options = options;
        this.tables = new TableDiffer(plan, options, this::keysBuiltInTransaction);
        this.types = new TypeDiffer(plan, options, from, to);
    }

    /**
     * The plan from {@code from} to {@code to}.
     *
     * @throws UnsupportedChangeException for a difference PostgreSQL has no statement for (an enum that loses values
     *                                     while a routine uses it)
     */
    public static Plan diff(SchemaModel from, SchemaModel to, DiffOptions options) {
        return new SchemaDiffer(from, to, options).build();
    }

    /** A new table (its keys are built with it) or one whose primary and unique keys this plan leaves alone. */
    private boolean keysBuiltInTransaction(QualifiedName table) {
        Table before = from.table(table);
        return before == null || keys(before).equals(keys(to.table(table)));
    }

    private static Set<Constraint> keys(Table table) {
        return table == null ? Set.of() : table.constraints().stream()
                .filter(c -> c.kind() == ConstraintKind.PRIMARY_KEY || c.kind() == ConstraintKind.UNIQUE)
                .collect(java.util.stream.Collectors.toSet());
    }

    private Plan build() {
        schemasAndExtensions();
        types();
        sequences();
        routines();
        tables();
        views();
        List<Step> steps = new ArrayList<>(plan.namespaces);
        steps.addAll(plan.dropViews);
        steps.addAll(plan.dropForeignKeys);
        steps.addAll(plan.dropDependents);
        steps.addAll(plan.dropTables);
        List<Dependency> dependencies = new ArrayList<>(to.dependencies());
        for (Table t : to.tables()) {
            if (t.partitionOf() != null) {
                dependencies.add(new Dependency(ObjectRef.of(ObjectKind.TABLE, t.name()),
                        ObjectRef.of(ObjectKind.TABLE, t.partitionOf().parent())));
            }
        }
        List<Step> units = new ArrayList<>();
        for (PlanPhases.Unit unit : Ordering.referencedFirst(plan.units, PlanPhases.Unit::ref,
                PlanPhases.Unit::rank, dependencies)) {
            units.addAll(unit.steps());
        }
        if (units.stream().anyMatch(s -> s.sql().startsWith("CREATE OR REPLACE FUNCTION")
                || s.sql().startsWith("CREATE OR REPLACE PROCEDURE"))) {
            // Function bodies may name tables created further down; PostgreSQL checks them at run time anyway.
            steps.add(Step.tx("SET check_function_bodies = false"));
        }
        steps.addAll(units);
        plan.tableParts.stream().filter(Step::transactional).forEach(steps::add);
        steps.addAll(plan.newTableForeignKeys);
        plan.tableParts.stream().filter(s -> !s.transactional()).forEach(steps::add);
        steps.addAll(plan.foreignKeys);
        for (int i = 0; i < plan.validations.size(); i++) {
            Step validation = plan.validations.get(i);
            steps.add(i == 0 ? validation.startingNewTransaction() : validation);
        }
        steps.addAll(plan.afterValidation);
        steps.addAll(plan.attached);
        steps.addAll(plan.meta);
        for (PlanPhases.Unit drop : Ordering.dependentsFirst(plan.dropLate, PlanPhases.Unit::ref,
                from.dependencies())) {
            steps.addAll(drop.steps());
        }
        steps.addAll(plan.dropNamespaces);
        return new Plan(steps, plan.hazards);
    }

    private void schemasAndExtensions() {
        Map<String, Namespace> old = byKey(from.schemas(), Namespace::name);
        for (Namespace n : to.schemas()) {
            Namespace before = old.get(n.name());
            String name = Sql.ident(n.name());
            if (before == null) {
                plan.namespaces.add(Step.tx("CREATE SCHEMA " + (n.name().equals("public") ? "IF NOT EXISTS " : "")
                        + name));
            }
            Meta.comment(plan.meta, "SCHEMA " + name, before == null ? null : before.comment(), n.comment());
            Meta.owner(plan.meta, options, "ALTER SCHEMA " + name, before == null ? null : before.owner(),
                    n.owner());
            Meta.grants(plan.meta, "SCHEMA " + name, before == null ? List.of() : before.grants(), n.grants());
        }
        Map<String, Extension> oldExtensions = byKey(from.extensions(), Extension::name);
        for (Extension e : to.extensions()) {
            Extension before = oldExtensions.get(e.name());
            String name = Sql.ident(e.name());
            if (before == null) {
                plan.namespaces.add(Step.tx("CREATE EXTENSION IF NOT EXISTS " + name + " WITH SCHEMA "
                        + Sql.ident(e.schema()) + " VERSION " + Sql.literal(e.version())));
            } else {
                if (!before.schema().equals(e.schema())) {
                    plan.namespaces.add(Step.tx("ALTER EXTENSION " + name + " SET SCHEMA " + Sql.ident(e.schema())));
                }
                if (!before.version().equals(e.version())) {
                    plan.namespaces.add(Step.tx("ALTER EXTENSION " + name + " UPDATE TO "
                            + Sql.literal(e.version())));
                }
            }
        }
        Map<String, Extension> newExtensions = byKey(to.extensions(), Extension::name);
        for (Extension e : from.extensions()) {
            if (!newExtensions.containsKey(e.name())) {
                Hazard hazard = plan.hazard("extension " + e.name(), "dropped with the data of its objects");
                plan.dropNamespaces.add(0, Step.risky("DROP EXTENSION " + Sql.ident(e.name()), hazard.toString()));
            }
        }
        Map<String, Namespace> newSchemas = byKey(to.schemas(), Namespace::name);
        for (Namespace n : from.schemas()) {
            if (!newSchemas.containsKey(n.name())) {
                Hazard hazard = plan.hazard("schema " + n.name(), "dropped");
                plan.dropNamespaces.add(Step.risky("DROP SCHEMA " + Sql.ident(n.name()), hazard.toString()));
            }
        }
    }

    private void types() {
        Map<QualifiedName, EnumType> enums = byKey(from.enums(), EnumType::name);
        for (EnumType e : to.enums()) {
            List<Table> converted = types.enumType(enums.get(e.name()), e);
            if (!converted.isEmpty()) {
                reshaped.add(ObjectRef.of(ObjectKind.TYPE, e.name()));
                converted.forEach(t -> reshaped.add(ObjectRef.of(ObjectKind.TABLE, t.name())));
            }
        }
        Map<QualifiedName, Domain> domains = byKey(from.domains(), Domain::name);
        for (Domain d : to.domains()) {
            types.domain(domains.get(d.name()), d);
        }
        Map<QualifiedName, CompositeType> composites = byKey(from.compositeTypes(), CompositeType::name);
        for (CompositeType c : to.compositeTypes()) {
            CompositeType before = composites.get(c.name());
            types.composite(before, c);
            if (before != null && !before.attributes().equals(c.attributes())) {
                reshaped.add(ObjectRef.of(ObjectKind.TYPE, c.name()));
            }
        }
        List<TypeDrop> drops = new ArrayList<>();
        Set<QualifiedName> kept = new HashSet<>();
        to.enums().forEach(e -> kept.add(e.name()));
        to.domains().forEach(d -> kept.add(d.name()));
        to.compositeTypes().forEach(c -> kept.add(c.name()));
        from.enums().forEach(e -> drops.add(new TypeDrop("TYPE", e.name())));
        from.domains().forEach(d -> drops.add(new TypeDrop("DOMAIN", d.name())));
        from.compositeTypes().forEach(c -> drops.add(new TypeDrop("TYPE", c.name())));
        for (TypeDrop drop : Ordering.dependentsFirst(drops, d -> ObjectRef.of(ObjectKind.TYPE, d.name()),
                from.dependencies())) {
            if (!kept.contains(drop.name())) {
                types.drop(drop.keyword(), drop.name());
            }
        }
    }

    private record TypeDrop(String keyword, QualifiedName name) {
    }

    private void sequences() {
        Map<QualifiedName, Sequence> old = byKey(from.sequences(), Sequence::name);
        for (Sequence s : to.sequences()) {
            Sequence before = old.get(s.name());
            String name = Sql.name(s.name());
            String options = " AS " + s.type() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.minValue()
                    + " MAXVALUE " + s.maxValue() + " START WITH " + s.start() + " CACHE " + s.cache()
                    + (s.cycle() ? " CYCLE" : " NO CYCLE");
            if (before == null) {
                plan.unit(ObjectRef.of(ObjectKind.SEQUENCE, s.name()), SEQUENCE_RANK,
                        List.of(Step.tx("CREATE SEQUENCE " + name + options)));
            } else if (!sameOptions(before, s)) {
                plan.unit(ObjectRef.of(ObjectKind.SEQUENCE, s.name()), SEQUENCE_RANK,
                        List.of(Step.tx("ALTER SEQUENCE " + name + options)));
            }
            if (!Objects.equals(before == null ? null : before.ownedBy(), s.ownedBy())) {
                plan.tableParts.add(Step.tx("ALTER SEQUENCE " + name + " OWNED BY " + (s.ownedBy() == null ? "NONE"
                        : Sql.name(s.ownedBy().table()) + "." + Sql.ident(s.ownedBy().column()))));
            }
            Meta.comment(plan.meta, "SEQUENCE " + name, before == null ? null : before.comment(), s.comment());
            Meta.owner(plan.meta, this.options, "ALTER SEQUENCE " + name, before == null ? null : before.owner(),
                    s.owner());
            Meta.grants(plan.meta, "SEQUENCE " + name, before == null ? List.of() : before.grants(), s.grants());
        }
        Map<QualifiedName, Sequence> now = byKey(to.sequences(), Sequence::name);
        for (Sequence s : from.sequences()) {
            if (!now.containsKey(s.name()) && !goesWithItsColumn(s)) {
                plan.dropLate(ObjectRef.of(ObjectKind.SEQUENCE, s.name()),
                        Step.tx("DROP SEQUENCE " + Sql.name(s.name())));
            }
        }
    }

    private static boolean sameOptions(Sequence a, Sequence b) {
        return a.type().equals(b.type()) && a.start() == b.start() && a.increment() == b.increment()
                && a.minValue() == b.minValue() && a.maxValue() == b.maxValue() && a.cache() == b.cache()
                && a.cycle() == b.cycle();
    }

    /** A sequence OWNED BY a column that this plan drops (or whose table it drops) is dropped with it. */
    private boolean goesWithItsColumn(Sequence s) {
        if (s.ownedBy() == null) {
            return false;
        }
        Table table = to.table(s.ownedBy().table());
        return table == null || table.column(s.ownedBy().column()) == null;
    }

    private void routines() {
        Map<ObjectRef, Routine> old = byKey(from.routines(), Routine::ref);
        for (Routine r : to.routines()) {
            Routine before = old.get(r.ref());
            String keyword = r.procedure() ? "PROCEDURE " : "FUNCTION ";
            if (before == null || !before.definition().equals(r.definition())) {
                List<Step> steps = new ArrayList<>();
                if (before != null && (before.procedure() != r.procedure()
                        || !Objects.equals(before.result(), r.result()))) {
                    plan.dropDependents.add(Step.tx("DROP " + (before.procedure() ? "PROCEDURE " : "FUNCTION ")
                            + signature(before)));
                    reshaped.add(r.ref());
                    before = null;
                }
                steps.add(Step.tx(r.definition()));
                plan.unit(r.ref(), ROUTINE_RANK, steps);
            }
            String target = keyword + signature(r);
            Meta.comment(plan.meta, target, before == null ? null : before.comment(), r.comment());
            Meta.owner(plan.meta, options, "ALTER " + target, before == null ? null : before.owner(), r.owner());
            Meta.grants(plan.meta, target, before == null ? ROUTINE_DEFAULT_GRANTS : before.grants(), r.grants());
        }
        Map<ObjectRef, Routine> now = byKey(to.routines(), Routine::ref);
        for (Routine r : from.routines()) {
            if (!now.containsKey(r.ref())) {
                plan.dropLate(r.ref(), Step.tx("DROP " + (r.procedure() ? "PROCEDURE " : "FUNCTION ") + signature(r)));
            }
        }
    }

    private void tables() {
        Map<QualifiedName, Table> old = byKey(from.tables(), Table::name);
        for (Table t : to.tables()) {
            Table before = old.get(t.name());
            if (before == null) {
                tables.create(t);
            } else if (!Objects.equals(before.partitionKey(), t.partitionKey())) {
                tables.drop(before, false, "recreated to change its partitioning (" + before.partitionKey() + " to "
                        + t.partitionKey() + "): its rows are lost");
                tables.create(t);
                reshaped.add(ObjectRef.of(ObjectKind.TABLE, t.name()));
            } else if (tables.alter(before, t)) {
                reshaped.add(ObjectRef.of(ObjectKind.TABLE, t.name()));
            }
        }
        Map<QualifiedName, Table> now = byKey(to.tables(), Table::name);
        List<Table> dropped = from.tables().stream().filter(t -> !now.containsKey(t.name())).toList();
        Set<QualifiedName> droppedNames = new HashSet<>();
        dropped.forEach(t -> droppedNames.add(t.name()));
        for (Table t : Ordering.dependentsFirst(dropped, t -> ObjectRef.of(ObjectKind.TABLE, t.name()),
                inheritance(from))) {
            tables.drop(t, t.partitionOf() != null && droppedNames.contains(t.partitionOf().parent()),
                    "dropped with all its rows");
            reshaped.add(ObjectRef.of(ObjectKind.TABLE, t.name()));
        }
    }

    /** Children and partitions depend on their parents (partitions through an automatic dependency pg_depend omits). */
    private static List<Dependency> inheritance(SchemaModel model) {
        List<Dependency> edges = new ArrayList<>(model.dependencies());
        for (Table t : model.tables()) {
            List<QualifiedName> parents = new ArrayList<>(t.inherits());
            if (t.partitionOf() != null) {
                parents.add(t.partitionOf().parent());
            }
            for (QualifiedName parent : parents) {
                edges.add(new Dependency(ObjectRef.of(ObjectKind.TABLE, t.name()),
                        ObjectRef.of(ObjectKind.TABLE, parent)));
            }
        }
        return edges;
    }

    private void views() {
        Map<QualifiedName, View> old = byKey(from.views(), View::name);
        Map<QualifiedName, View> now = byKey(to.views(), View::name);
        Set<QualifiedName> drop = new HashSet<>();
        for (View v : from.views()) {
            View after = now.get(v.name());
            if (after == null || !sameShape(v, after)) {
                drop.add(v.name());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Dependency d : from.dependencies()) {
                if (d.dependent().kind() == ObjectKind.VIEW) {
                    QualifiedName view = new QualifiedName(d.dependent().schema(), d.dependent().name());
                    ObjectRef ref = d.referenced();
                    boolean viewGoes = ref.kind() == ObjectKind.VIEW
                            && drop.contains(new QualifiedName(ref.schema(), ref.name()));
                    if (!drop.contains(view) && (reshaped.contains(ref) || viewGoes)) {
                        drop.add(view);
                        grew = true;
                    }
                }
            }
        }
        List<View> dropping = from.views().stream().filter(v -> drop.contains(v.name())).toList();
        for (View v : Ordering.dependentsFirst(dropping, SchemaDiffer::ref, from.dependencies())) {
            plan.dropViews.add(Step.tx("DROP " + keyword(v) + " " + Sql.name(v.name())));
        }
        for (View v : to.views()) {
            View before = drop.contains(v.name()) ? null : old.get(v.name());
            String name = Sql.name(v.name());
            if (before == null) {
                String options = v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")";
                plan.unit(ref(v), VIEW_RANK, List.of(Step.tx("CREATE " + keyword(v) + " " + name + options
                        + " AS\n" + v.definition())));
            }
            for (var index : v.indexes()) {
                boolean existed = before != null && before.indexes().stream().anyMatch(index::sameAs);
                if (!existed) {
                    plan.attached.add(Step.tx(index.definition()));
                }
            }
            if (before != null) {
                for (var index : before.indexes()) {
                    if (v.indexes().stream().noneMatch(index::sameAs)) {
                        plan.dropDependents.add(Step.tx("DROP INDEX " + Sql.ident(v.name().schema()) + "."
                                + Sql.ident(index.name())));
                    }
                }
            }
            Meta.comment(plan.meta, keyword(v) + " " + name, before == null ? null : before.comment(), v.comment());
            Meta.owner(plan.meta, options, "ALTER " + keyword(v) + " " + name, before == null ? null
                    : before.owner(), v.owner());
            Meta.grants(plan.meta, "TABLE " + name, before == null ? List.of() : before.grants(), v.grants());
        }
    }

    /** {@code schema.name(arguments)}, as DROP/ALTER/COMMENT/GRANT name a routine. */
    private static String signature(Routine r) {
        return Sql.name(r.name()) + "(" + r.arguments() + ")";
    }

    private static boolean sameShape(View a, View b) {
        return a.materialized() == b.materialized() && a.definition().equals(b.definition())
                && a.options().equals(b.options());
    }

    private static String keyword(View v) {
        return v.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }

    private static ObjectRef ref(View v) {
        return ObjectRef.of(ObjectKind.VIEW, v.name());
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        for (V v : values) {
            map.put(key.apply(v), v);
        }
        return map;
    }
}
