package io.github.pgmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.Dependency;
import io.github.pgmigrate.schema.model.Grant;
import io.github.pgmigrate.schema.model.ObjectKind;
import io.github.pgmigrate.schema.model.ObjectRef;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaInspectorTest {
    private static SchemaModel model;

    @BeforeAll
    static void inspectEveryKind() {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.run(db, "schema/every-kind.sql");
        model = SchemaFixtures.model(db);
    }

    private static Table table(String name) {
        return model.table(new QualifiedName("app", name));
    }

    @Test
    void schemasWithOwnerCommentAndGrants() {
        assertThat(model.schemas()).extracting(n -> n.name()).containsExactly("app", "public");
        assertThat(model.schemas().get(0).comment()).isEqualTo("the application");
        assertThat(model.schemas().get(0).grants()).containsExactly(new Grant("pgm_schema_reader", "USAGE", false));
        assertThat(model.extensions()).extracting(e -> e.name() + "@" + e.schema()).containsExactly("pgcrypto@public");
    }

    @Test
    void extensionObjectsAreNotPartOfTheModel() {
        assertThat(model.routines()).extracting(r -> r.name().toString())
                .containsExactly("app.is_even", "app.noop", "app.secret_count", "app.touch");
    }

    @Test
    void columnsWithTypesModifiersCollationDefaultsIdentityAndGenerated() {
        Table customers = table("customers");
        assertThat(customers.columns()).extracting(Column::name).containsExactly("id", "email", "name", "mood",
                "home", "score", "name_upper", "ticket", "updated_at");
        assertThat(customers.column("id").identity()).isEqualTo(Column.Identity.ALWAYS);
        assertThat(customers.column("email").type()).isEqualTo("app.email");
        assertThat(customers.column("name").type()).isEqualTo("character varying(120)");
        assertThat(customers.column("name").collation()).isEqualTo("pg_catalog.\"C\"");
        assertThat(customers.column("name").defaultExpression()).isEqualTo("'anonymous'::character varying");
        assertThat(customers.column("score").type()).isEqualTo("numeric(10,2)");
        assertThat(customers.column("name_upper").generated()).isEqualTo("upper((name)::text)");
        assertThat(customers.column("name_upper").generatedStorage()).isEqualTo("STORED");
        assertThat(customers.column("ticket").defaultExpression()).isEqualTo("nextval('app.ticket_seq'::regclass)");
        assertThat(customers.column("email").comment()).isEqualTo("login");
        assertThat(customers.column("email").notNull()).isTrue();
        assertThat(customers.column("mood").notNull()).isFalse();
    }

    @Test
    void constraintsWithDefinitionsValidityAndReferences() {
        assertThat(table("customers").constraints()).extracting(Constraint::name, Constraint::kind,
                Constraint::validated).containsExactly(
                org.assertj.core.groups.Tuple.tuple("customers_email_key", ConstraintKind.UNIQUE, true),
                org.assertj.core.groups.Tuple.tuple("customers_pkey", ConstraintKind.PRIMARY_KEY, true),
                org.assertj.core.groups.Tuple.tuple("customers_score_check", ConstraintKind.CHECK, true),
                org.assertj.core.groups.Tuple.tuple("customers_score_even", ConstraintKind.CHECK, true));
        assertThat(table("orders").constraints()).filteredOn(c -> c.name().equals("orders_note_short"))
                .singleElement().satisfies(c -> {
                    assertThat(c.validated()).isFalse();
                    assertThat(c.definition()).isEqualTo("CHECK ((length(note) < 500))");
                });
        Constraint fk = table("orders").constraints().stream()
                .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY).findFirst().orElseThrow();
        assertThat(fk.references()).isEqualTo(new QualifiedName("app", "customers"));
        assertThat(fk.definition()).isEqualTo("FOREIGN KEY (customer_id) REFERENCES app.customers(id)"
                + " ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED");
        assertThat(table("orders").constraints()).extracting(Constraint::kind).contains(ConstraintKind.EXCLUSION);
        assertThat(table("customers").constraints().get(0).comment()).isEqualTo("one account per address");
    }

    @Test
    void indexesThatNoConstraintOwns() {
        assertThat(table("customers").indexes()).extracting(i -> i.definition()).containsExactly(
                "CREATE INDEX customers_lower_name ON app.customers USING btree (lower((name)::text))"
                        + " INCLUDE (mood) WHERE (score > (10)::numeric)",
                "CREATE INDEX customers_mood_hash ON app.customers USING hash (mood)");
        assertThat(table("events").indexes()).extracting(i -> i.name()).containsExactly("events_payload");
        assertThat(table("events_2024").indexes()).isEmpty();
        assertThat(model.views().stream().filter(v -> v.materialized()).findFirst().orElseThrow().indexes())
                .extracting(i -> i.name()).containsExactly("order_counts_customer");
    }

    @Test
    void partitionsInheritanceAndUnlogged() {
        assertThat(table("events").partitionKey()).isEqualTo("RANGE (at)");
        assertThat(table("events_2024").partitionOf().parent()).isEqualTo(new QualifiedName("app", "events"));
        assertThat(table("events_2024").partitionOf().bound())
                .isEqualTo("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
        assertThat(table("events_rest").partitionOf().bound()).isEqualTo("DEFAULT");
        assertThat(table("events_2024").constraints()).isEmpty();
        assertThat(table("special_item").inherits()).containsExactly(new QualifiedName("app", "base_item"));
        assertThat(table("special_item").columns()).extracting(Column::name, Column::inherited).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", true), org.assertj.core.groups.Tuple.tuple("label", true),
                org.assertj.core.groups.Tuple.tuple("extra", false));
        assertThat(table("scratch").unlogged()).isTrue();
        assertThat(table("customers").unlogged()).isFalse();
    }

    @Test
    void triggersRowSecurityPoliciesAndGrants() {
        Table customers = table("customers");
        assertThat(customers.triggers()).singleElement().satisfies(t -> {
            assertThat(t.definition()).isEqualTo("CREATE TRIGGER customers_touch BEFORE UPDATE ON app.customers"
                    + " FOR EACH ROW EXECUTE FUNCTION app.touch()");
            assertThat(t.enabled()).isEqualTo("D");
        });
        assertThat(customers.rowSecurity()).isTrue();
        assertThat(customers.forceRowSecurity()).isTrue();
        assertThat(customers.policies()).extracting(p -> p.name() + " " + p.permissive() + " " + p.command() + " "
                + p.roles() + " " + p.using() + " " + p.withCheck()).containsExactly(
                "insert_any true INSERT [PUBLIC] null (score IS NOT NULL)",
                "own_rows false SELECT [pgm_schema_reader] (mood <> 'sad'::app.mood) null");
        assertThat(customers.grants()).containsExactly(new Grant("pgm_schema_reader", "INSERT", true),
                new Grant("pgm_schema_reader", "SELECT", false), new Grant("pgm_schema_reader", "UPDATE", false));
    }

    @Test
    void sequencesTypesViewsAndRoutines() {
        assertThat(model.sequences()).extracting(s -> s.name().name()).containsExactly("orders_id_seq",
                "ticket_seq");
        var ticket = model.sequences().get(1);
        assertThat(ticket.type()).isEqualTo("integer");
        assertThat(ticket.start()).isEqualTo(100);
        assertThat(ticket.increment()).isEqualTo(5);
        assertThat(ticket.cycle()).isTrue();
        assertThat(ticket.ownedBy().column()).isEqualTo("ticket");
        assertThat(model.enums()).singleElement().satisfies(e -> {
            assertThat(e.labels()).containsExactly("sad", "ok", "happy");
            assertThat(e.comment()).isEqualTo("how it feels");
        });
        assertThat(model.domains()).extracting(d -> d.name().name() + " " + d.baseType() + " " + d.collation()
                + " " + d.notNull() + " " + d.defaultExpression() + " " + d.checks()).containsExactly(
                "email text pg_catalog.\"C\" false null [DomainCheck[name=email_check,"
                        + " definition=CHECK ((VALUE ~~ '%@%'::text)), validated=true]]",
                "positive integer null true 1 [DomainCheck[name=positive_check, definition=CHECK ((VALUE > 0)),"
                        + " validated=true]]");
        assertThat(model.compositeTypes()).singleElement().satisfies(c -> assertThat(c.attributes())
                .extracting(a -> a.name() + " " + a.type() + " " + a.collation())
                .containsExactly("street text null", "city character varying(40) pg_catalog.\"C\"",
                        "zip app.positive null"));
        assertThat(model.views()).extracting(v -> v.name().name() + " " + v.materialized() + " " + v.options())
                .containsExactly("happy_customers false [security_barrier=true]", "happy_names false []",
                        "order_counts true []");
        var secret = model.routines().stream().filter(r -> r.name().name().equals("secret_count")).findFirst()
                .orElseThrow();
        assertThat(secret.securityDefiner()).isTrue();
        assertThat(secret.volatility()).isEqualTo("STABLE");
        assertThat(secret.definition()).contains("SET search_path TO 'pg_catalog'");
        assertThat(secret.grants()).containsExactly(new Grant("pgm_schema_reader", "EXECUTE", false));
        var isEven = model.routines().stream().filter(r -> r.name().name().equals("is_even")).findFirst()
                .orElseThrow();
        assertThat(isEven.grants()).containsExactly(new Grant("PUBLIC", "EXECUTE", false));
        assertThat(isEven.arguments()).isEqualTo("n integer");
        assertThat(model.routines().stream().filter(r -> r.procedure()).map(r -> r.name().name()))
                .containsExactly("noop");
    }

    @Test
    void dependenciesBetweenTopLevelObjects() {
        assertThat(model.dependencies()).contains(
                dep(ObjectKind.VIEW, "happy_names", ObjectKind.VIEW, "happy_customers"),
                dep(ObjectKind.VIEW, "happy_customers", ObjectKind.TABLE, "customers"),
                dep(ObjectKind.TABLE, "customers", ObjectKind.TYPE, "mood"),
                dep(ObjectKind.TABLE, "customers", ObjectKind.TYPE, "address"),
                dep(ObjectKind.TABLE, "customers", ObjectKind.SEQUENCE, "ticket_seq"),
                dep(ObjectKind.TABLE, "customers", ObjectKind.ROUTINE, "touch()"),
                dep(ObjectKind.TABLE, "customers", ObjectKind.ROUTINE, "is_even(n integer)"),
                dep(ObjectKind.TYPE, "address", ObjectKind.TYPE, "positive"));
        assertThat(model.dependencies()).noneMatch(d -> d.dependent().name().equals("orders")
                && d.referenced().name().equals("customers"));
    }

    private static Dependency dep(ObjectKind kind, String name, ObjectKind refKind, String refName) {
        return new Dependency(new ObjectRef(kind, "app", name), new ObjectRef(refKind, "app", refName));
    }
}
