package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One positive and at least one negative case per rule, on PostgreSQL 17 with the default transaction mode (file).
 * Every SQL sets both timeouts first so that only the rule under test can fire from the timeout family.
 */
class RuleCasesTest {
    private static final String T = "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n";

    static Stream<Arguments> fires() {
        return Stream.of(
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "CREATE INDEX idx_users_email ON users (email);"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "create unique index on \"Users\" (email);"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, "DROP INDEX idx_users_email;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_REINDEX, "REINDEX INDEX idx_users_email;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_REINDEX, "REINDEX TABLE users;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_PARTITION_DETACH, "ALTER TABLE measurements DETACH PARTITION measurements_2020;"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN n bigint DEFAULT my_schema.next_number();"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN t timestamptz DEFAULT clock_timestamp();"),
                Arguments.of(Rule.ADDING_GENERATED_STORED_COLUMN, "ALTER TABLE users ADD COLUMN full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED;"),
                Arguments.of(Rule.ADDING_GENERATED_STORED_COLUMN, "ALTER TABLE users ALTER COLUMN full_name SET EXPRESSION AS (first || last);"),
                Arguments.of(Rule.ADDING_AUTO_INCREMENT_COLUMN, "ALTER TABLE users ADD COLUMN seq bigserial;"),
                Arguments.of(Rule.ADDING_AUTO_INCREMENT_COLUMN, "ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;"),
                Arguments.of(Rule.CHANGING_COLUMN_TYPE, "ALTER TABLE users ALTER COLUMN age TYPE bigint;"),
                Arguments.of(Rule.CHANGING_COLUMN_TYPE, "ALTER TABLE users ALTER age SET DATA TYPE text USING age::text;"),
                Arguments.of(Rule.ADDING_NOT_NULLABLE_FIELD, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;"),
                Arguments.of(Rule.CONSTRAINT_MISSING_NOT_VALID, "ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0);"),
                Arguments.of(Rule.CONSTRAINT_MISSING_NOT_VALID, "ALTER TABLE users ADD COLUMN age2 bigint CHECK (age2 > 0);"),
                Arguments.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);"),
                Arguments.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);"),
                Arguments.of(Rule.DISALLOWED_UNIQUE_CONSTRAINT, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);"),
                Arguments.of(Rule.DISALLOWED_UNIQUE_CONSTRAINT, "ALTER TABLE users ADD COLUMN handle text UNIQUE;"),
                Arguments.of(Rule.ADDING_PRIMARY_KEY_CONSTRAINT, "ALTER TABLE users ADD PRIMARY KEY (id);"),
                Arguments.of(Rule.ADDING_PRIMARY_KEY_CONSTRAINT, "ALTER TABLE events ADD COLUMN id bigint PRIMARY KEY;"),
                Arguments.of(Rule.ADDING_EXCLUSION_CONSTRAINT, "ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);"),
                Arguments.of(Rule.SET_LOGGED_UNLOGGED, "ALTER TABLE events SET UNLOGGED;"),
                Arguments.of(Rule.SET_ACCESS_METHOD, "ALTER TABLE events SET ACCESS METHOD heap2;"),
                Arguments.of(Rule.SET_TABLESPACE, "ALTER TABLE events SET TABLESPACE fast;"),
                Arguments.of(Rule.SET_TABLESPACE, "ALTER INDEX idx_events SET TABLESPACE fast;"),
                Arguments.of(Rule.CREATE_TRIGGER_ON_EXISTING_TABLE, "CREATE TRIGGER audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();"),
                Arguments.of(Rule.CREATE_TRIGGER_ON_EXISTING_TABLE, "ALTER TABLE users DISABLE TRIGGER audit;"),
                Arguments.of(Rule.PREFER_REPACK, "VACUUM FULL users;"),
                Arguments.of(Rule.PREFER_REPACK, "VACUUM (FULL, ANALYZE) users;"),
                Arguments.of(Rule.PREFER_REPACK, "CLUSTER users USING users_pkey;"),
                Arguments.of(Rule.PREFER_REPACK, "CLUSTER users_pkey ON users;"),
                Arguments.of(Rule.REFRESH_MATVIEW_BLOCKING, "REFRESH MATERIALIZED VIEW daily_totals;"),
                Arguments.of(Rule.EXPLICIT_LOCK_TABLE, "LOCK TABLE users IN SHARE MODE;"),
                Arguments.of(Rule.BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT, "ALTER DOMAIN email ADD CONSTRAINT email_check CHECK (VALUE LIKE '%@%');"),
                Arguments.of(Rule.BAN_CREATE_DOMAIN_WITH_CONSTRAINT, "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');"),
                Arguments.of(Rule.STATEMENTS_AFTER_ACCESS_EXCLUSIVE, "ALTER TABLE users ADD COLUMN note text;\nUPDATE accounts SET flag = true WHERE id = 1;"),
                Arguments.of(Rule.MULTIPLE_ALTER_TABLE_SAME_TABLE, "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;"),
                Arguments.of(Rule.LOCK_TIMEOUT_TOO_LONG, "SET lock_timeout = '1min';"),
                Arguments.of(Rule.LOCK_TIMEOUT_TOO_LONG, "SET lock_timeout = 0;"),
                Arguments.of(Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION, "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON users (email);"),
                Arguments.of(Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION, "VACUUM users;"),
                Arguments.of(Rule.TRANSACTION_NESTING, "BEGIN;\nALTER TABLE users ADD COLUMN x text;\nCOMMIT;"),
                Arguments.of(Rule.BAN_DROP_COLUMN, "ALTER TABLE users DROP COLUMN legacy;"),
                Arguments.of(Rule.BAN_DROP_TABLE, "DROP TABLE IF EXISTS legacy_users;"),
                Arguments.of(Rule.BAN_DROP_SCHEMA, "DROP SCHEMA reporting CASCADE;"),
                Arguments.of(Rule.BAN_DROP_DATABASE, "DROP DATABASE app;"),
                Arguments.of(Rule.BAN_TRUNCATE_CASCADE, "TRUNCATE users CASCADE;"),
                Arguments.of(Rule.RENAMING_COLUMN, "ALTER TABLE users RENAME COLUMN email TO email_address;"),
                Arguments.of(Rule.RENAMING_TABLE, "ALTER TABLE users RENAME TO accounts;"),
                Arguments.of(Rule.RENAMING_SCHEMA, "ALTER SCHEMA app RENAME TO core;"),
                Arguments.of(Rule.RENAME_ENUM_VALUE, "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';"),
                Arguments.of(Rule.BAN_DROP_NOT_NULL, "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"),
                Arguments.of(Rule.ADDING_REQUIRED_FIELD, "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;"),
                Arguments.of(Rule.UNIQUE_INDEX_MAY_FAIL, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);"),
                Arguments.of(Rule.PREFER_BIGINT_OVER_INT, "CREATE TABLE t (id integer);"),
                Arguments.of(Rule.PREFER_BIGINT_OVER_INT, "CREATE TABLE t (ids int4[]);"),
                Arguments.of(Rule.PREFER_BIGINT_OVER_SMALLINT, "CREATE TABLE t (n smallint);"),
                Arguments.of(Rule.PREFER_IDENTITY, "CREATE TABLE t (id bigserial PRIMARY KEY);"),
                Arguments.of(Rule.PREFER_TEXT_FIELD, "CREATE TABLE t (name character varying(100));"),
                Arguments.of(Rule.PREFER_TEXT_FIELD, "CREATE TABLE t (name pg_catalog.varchar(100));"),
                Arguments.of(Rule.BAN_CHAR_FIELD, "CREATE TABLE t (code char(2));"),
                Arguments.of(Rule.BAN_CHAR_FIELD, "CREATE TABLE t (code CHARACTER);"),
                Arguments.of(Rule.PREFER_TIMESTAMPTZ, "CREATE TABLE t (at timestamp);"),
                Arguments.of(Rule.PREFER_TIMESTAMPTZ, "CREATE TABLE t (at timestamp(3) without time zone);"),
                Arguments.of(Rule.PREFER_JSONB, "CREATE TABLE t (doc json);"),
                Arguments.of(Rule.REQUIRE_ENUM_VALUE_ORDERING, "ALTER TYPE mood ADD VALUE 'ecstatic';"),
                Arguments.of(Rule.IDENTIFIER_TOO_LONG, "CREATE TABLE t (a_really_long_column_name_that_goes_on_and_on_and_on_past_the_limit bigint);"),
                Arguments.of(Rule.BAN_DUPLICATE_COLUMN_ASSIGNMENTS, "CREATE TABLE t (a bigint, A text);"),
                Arguments.of(Rule.BAN_DUPLICATE_COLUMN_ASSIGNMENTS, "INSERT INTO t (a, b, a) VALUES (1, 2, 3);"),
                Arguments.of(Rule.BAN_DUPLICATE_COLUMN_ASSIGNMENTS, "UPDATE t SET a = 1, b = 2, a = 3 WHERE id = 1;"),
                Arguments.of(Rule.REPLICA_IDENTITY_CHANGE, "ALTER TABLE users REPLICA IDENTITY FULL;"),
                Arguments.of(Rule.AUTOVACUUM_DISABLED, "CREATE TABLE t (id bigint) WITH (autovacuum_enabled = false);"),
                Arguments.of(Rule.AUTOVACUUM_DISABLED, "ALTER TABLE users SET (autovacuum_enabled = off);"),
                Arguments.of(Rule.SYNTAX_ERROR, "SELECT 'never closed;"),
                Arguments.of(Rule.UNKNOWN_SUPPRESSION, "-- pgmigrate:ignore no-such-rule\nSELECT 1;"),
                Arguments.of(Rule.UNUSED_SUPPRESSION, "-- pgmigrate:ignore ban-drop-table\nSELECT 1;"));
    }

    static Stream<Arguments> doesNotFire() {
        return Stream.of(
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "CREATE TABLE users (id bigint, email text);\nCREATE INDEX idx_users_email ON users (email);"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON users (email);"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "CREATE TABLE app.users (id bigint);\nCREATE INDEX ON users (id);"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, "-- atlas:txmode none\n\nDROP INDEX CONCURRENTLY IF EXISTS idx_users_email;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, "CREATE TABLE t (a text);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_REINDEX, "-- atlas:txmode none\n\nREINDEX INDEX CONCURRENTLY idx_users_email;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_REINDEX, "-- atlas:txmode none\n\nREINDEX (CONCURRENTLY) TABLE users;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_REINDEX, "-- atlas:txmode none\n\nREINDEX SYSTEM app;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_PARTITION_DETACH, "-- atlas:txmode none\n\nALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;"),
                Arguments.of(Rule.REQUIRE_CONCURRENT_PARTITION_DETACH, "ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE;"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT CURRENT_TIMESTAMP;"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}'::text[];"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN expires timestamptz DEFAULT now() + interval '30 days';"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE users ADD COLUMN code varchar DEFAULT 'x'::character varying;"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "CREATE TABLE t (id uuid DEFAULT gen_random_uuid());"),
                Arguments.of(Rule.ADDING_GENERATED_STORED_COLUMN, "ALTER TABLE users ADD COLUMN full_name text GENERATED ALWAYS AS (first || last) VIRTUAL;"),
                Arguments.of(Rule.ADDING_GENERATED_STORED_COLUMN, "CREATE TABLE t (a bigint, b bigint GENERATED ALWAYS AS (a * 2) STORED);"),
                Arguments.of(Rule.ADDING_AUTO_INCREMENT_COLUMN, "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY);"),
                Arguments.of(Rule.CHANGING_COLUMN_TYPE, "CREATE TABLE t (a bigint);\nALTER TABLE t ALTER COLUMN a TYPE numeric;"),
                Arguments.of(Rule.ADDING_NOT_NULLABLE_FIELD, "ALTER TABLE users ALTER COLUMN email SET DEFAULT '';"),
                Arguments.of(Rule.ADDING_NOT_NULLABLE_FIELD, "-- atlas:txmode none\n\nSET lock_timeout = '2s';\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;"),
                Arguments.of(Rule.CONSTRAINT_MISSING_NOT_VALID, "ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;"),
                Arguments.of(Rule.CONSTRAINT_MISSING_NOT_VALID, "CREATE TABLE t (a bigint CHECK (a > 0));\nALTER TABLE t ADD CONSTRAINT c CHECK (a < 10);"),
                Arguments.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"),
                Arguments.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "CREATE TABLE orders (id bigint, user_id bigint REFERENCES users (id));"),
                Arguments.of(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION, "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;"),
                Arguments.of(Rule.DISALLOWED_UNIQUE_CONSTRAINT, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;"),
                Arguments.of(Rule.ADDING_PRIMARY_KEY_CONSTRAINT, "ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;"),
                Arguments.of(Rule.ADDING_EXCLUSION_CONSTRAINT, "CREATE TABLE bookings (room bigint, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));"),
                Arguments.of(Rule.SET_LOGGED_UNLOGGED, "CREATE TABLE t (a text);\nALTER TABLE t SET LOGGED;"),
                Arguments.of(Rule.CREATE_TRIGGER_ON_EXISTING_TABLE, "CREATE TABLE t (a text);\nCREATE TRIGGER t_audit AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION audit();"),
                Arguments.of(Rule.PREFER_REPACK, "-- atlas:txmode none\n\nVACUUM ANALYZE users;"),
                Arguments.of(Rule.PREFER_REPACK, "-- atlas:txmode none\n\nVACUUM (FULL false) users;"),
                Arguments.of(Rule.REFRESH_MATVIEW_BLOCKING, "REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;"),
                Arguments.of(Rule.BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT, "ALTER DOMAIN email ADD CONSTRAINT email_check CHECK (VALUE LIKE '%@%') NOT VALID;"),
                Arguments.of(Rule.BAN_CREATE_DOMAIN_WITH_CONSTRAINT, "CREATE DOMAIN email AS text;"),
                Arguments.of(Rule.STATEMENTS_AFTER_ACCESS_EXCLUSIVE, "UPDATE accounts SET flag = true WHERE id = 1;\nALTER TABLE users ADD COLUMN note text;"),
                Arguments.of(Rule.STATEMENTS_AFTER_ACCESS_EXCLUSIVE, "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID;\nUPDATE accounts SET flag = true;"),
                Arguments.of(Rule.MULTIPLE_ALTER_TABLE_SAME_TABLE, "ALTER TABLE users ADD COLUMN a text, ADD COLUMN b text;"),
                Arguments.of(Rule.LOCK_TIMEOUT_TOO_LONG, "SET lock_timeout = '5s';"),
                Arguments.of(Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION, "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON users (email);"),
                Arguments.of(Rule.TRANSACTION_NESTING, "-- atlas:txmode none\n\nBEGIN;\nALTER TABLE users ADD COLUMN x text;\nCOMMIT;"),
                Arguments.of(Rule.BAN_DROP_COLUMN, "ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;"),
                Arguments.of(Rule.BAN_DROP_TABLE, "CREATE TABLE scratch (a text);\nDROP TABLE scratch;"),
                Arguments.of(Rule.BAN_DROP_SCHEMA, "CREATE SCHEMA staging;\nDROP SCHEMA staging;"),
                Arguments.of(Rule.BAN_TRUNCATE_CASCADE, "TRUNCATE users;"),
                Arguments.of(Rule.RENAMING_COLUMN, "CREATE TABLE t (a text);\nALTER TABLE t RENAME COLUMN a TO b;"),
                Arguments.of(Rule.RENAMING_TABLE, "ALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;"),
                Arguments.of(Rule.RENAME_ENUM_VALUE, "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';"),
                Arguments.of(Rule.ADDING_REQUIRED_FIELD, "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;"),
                Arguments.of(Rule.ADDING_REQUIRED_FIELD, "CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN tenant_id bigint NOT NULL;"),
                Arguments.of(Rule.UNIQUE_INDEX_MAY_FAIL, "CREATE TABLE t (a text);\nCREATE UNIQUE INDEX t_a ON t (a);"),
                Arguments.of(Rule.PREFER_BIGINT_OVER_INT, "CREATE TABLE t (id bigint, n int8);"),
                Arguments.of(Rule.PREFER_BIGINT_OVER_SMALLINT, "CREATE TABLE t (n bigint);"),
                Arguments.of(Rule.PREFER_IDENTITY, "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);"),
                Arguments.of(Rule.PREFER_TEXT_FIELD, "CREATE TABLE t (name varchar, other text);"),
                Arguments.of(Rule.BAN_CHAR_FIELD, "CREATE TABLE t (flag \"char\", name varchar(10));"),
                Arguments.of(Rule.PREFER_TIMESTAMPTZ, "CREATE TABLE t (at timestamptz, at2 timestamp with time zone);"),
                Arguments.of(Rule.PREFER_JSONB, "CREATE TABLE t (doc jsonb);"),
                Arguments.of(Rule.REQUIRE_ENUM_VALUE_ORDERING, "ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';"),
                Arguments.of(Rule.IDENTIFIER_TOO_LONG, "CREATE TABLE t (a_column_name_that_is_exactly_sixty_three_bytes_long_abcdefghij bigint);"),
                Arguments.of(Rule.BAN_DUPLICATE_COLUMN_ASSIGNMENTS, "CREATE TABLE t (a bigint, \"A\" text);"),
                Arguments.of(Rule.BAN_DUPLICATE_COLUMN_ASSIGNMENTS, "UPDATE t SET a[1] = 1, a[2] = 2;"),
                Arguments.of(Rule.REPLICA_IDENTITY_CHANGE, "ALTER TABLE users REPLICA IDENTITY DEFAULT;"),
                Arguments.of(Rule.AUTOVACUUM_DISABLED, "CREATE TABLE t (id bigint) WITH (fillfactor = 90);"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fires")
    void fires(Rule rule, String sql) {
        assertThat(Lint.rules(T + sql)).contains(rule);
    }

    @ParameterizedTest(name = "{0} stays quiet: {1}")
    @MethodSource("doesNotFire")
    void doesNotFire(Rule rule, String sql) {
        String text = sql.startsWith("-- atlas:txmode none\n\n") ? "-- atlas:txmode none\n\n" + T + sql.substring(22) : T + sql;
        assertThat(Lint.rules(text)).doesNotContain(rule);
    }
}
