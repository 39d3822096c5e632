package io.github.pgmigrate.apply;

import io.github.pgmigrate.sql.SqlTokenizer;
import io.github.pgmigrate.sql.Token;
import java.util.Locale;
import java.util.regex.Pattern;

/** Known causes of statement failures during apply and what to do about them. */
final class ErrorHints {
    private static final Pattern PREPARED_STATEMENT = Pattern.compile("prepared statement \"S_\\d+\"");
    private static final Pattern MANAGED_OBJECT = Pattern.compile(
            "(?:must be owner of .*|permission denied for (?:schema|table|relation) )\\b(auth|storage|realtime"
                    + "|users|objects|buckets|messages|migrations|schema_migrations|vault|supabase_\\w+)\\b");

    private static final Pattern ENABLE_RLS = Pattern.compile("\\benable\\s+row\\s+level\\s+security\\b");

    private ErrorHints() {
    }

    static String forStatement(String sqlState, String message, boolean transactional) {
        return forStatement(sqlState, message, transactional, null, null);
    }

    /**
     * @param statement the failed statement's text when known, for hints that depend on what it does
     * @param version   the version of the failed statement's file when known, for hints that name the version to use
     */
    static String forStatement(String sqlState, String message, boolean transactional, String statement,
                               String version) {
        String state = sqlState == null ? "" : sqlState;
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("cannot run inside a transaction block")
                || lower.contains("cannot be executed within a pipeline")) {
            return "this statement cannot run in a transaction. Make the file non-transactional: put"
                    + " \"-- atlas:txmode none\" on its first line, followed by a blank line";
        }
        if (message != null && PREPARED_STATEMENT.matcher(message).find()) {
            return "the connection goes through a transaction pooler (Supavisor port 6543, PgBouncer transaction"
                    + " mode) that pgmigrate did not recognise. Use the session port (5432), or say so with"
                    + " <pooler>transaction</pooler> (-Dpgmigrate.pooler=transaction)";
        }
        if (lower.contains("relation \"atlas_schema_revisions\" already exists")) {
            return "a revisions table exists in another schema than the one pgmigrate uses (often public, when a"
                    + " pooler ignored search_path). Point revisionsSchema at the schema that holds it";
        }
        if ("42501".equals(state) && message != null && MANAGED_OBJECT.matcher(lower).find()) {
            String words = statement == null ? "" : SqlTokenizer.tokenize(statement).stream().limit(2)
                    .map(Token::value).reduce("", (a, b) -> a + " " + b).strip();
            if (words.matches("(create|alter|drop) policy")) {
                return "hosted Supabase normally lets postgres manage policies on storage.objects (and on"
                        + " auth.users and realtime.messages) without owning them, through its supautils extension"
                        + " (supautils.policy_grants); this database refused it, so it lacks that grant (plain"
                        + " PostgreSQL, a local or self-hosted stack, or a policy_grants setting without this table)."
                        + " The policy itself is fine: keep it, and apply it where the grant exists, or here as the"
                        + " table's owner";
            }
            if (statement != null && ENABLE_RLS.matcher(statement.toLowerCase(Locale.ROOT)).find()) {
                return "Supabase already enables row level security on its own tables (storage.objects, auth.users"
                        + " and the rest), and only their owner may change it: remove this statement";
            }
            return "the object belongs to a schema Supabase manages (auth, storage, realtime, …), which your role"
                    + " does not own. Keep your objects in public or your own schema";
        }
        if ("55P03".equals(state)) {
            return "the statement waited longer than lockTimeout for a lock another session holds (a long query or"
                    + " an open transaction on the same table). Retry when the table is quiet, or raise"
                    + " -Dpgmigrate.lockTimeout";
        }
        if ("57014".equals(state) && lower.contains("statement timeout")) {
            return "the statement ran longer than statementTimeout; raise -Dpgmigrate.statementTimeout or split"
                    + " the work";
        }
        if ("42883".equals(state) && (lower.contains("uuid_generate_v4") || lower.contains("gen_random_bytes")
                || lower.contains("crypt("))) {
            return "on Supabase these functions live in the extensions schema: call them as extensions.<name>(),"
                    + " or keep the schema on the search path (currentSchema=public,extensions rather than"
                    + " currentSchema=public)";
        }
        if (("42P07".equals(state) || "42710".equals(state)) && !transactional) {
            return "the object already exists: it was created outside the migrations (or by a file that was renamed)."
                    + " If it is what this statement creates, let the statement skip it (IF NOT EXISTS) or drop it,"
                    + " and run apply again; do not record the version with set, which would skip the statements"
                    + " after this one too";
        }
        if ("42P07".equals(state) || "42710".equals(state)) {
            String v = version == null ? "<version>" : version;
            return "the object already exists: it was created outside the migrations (by hand, the dashboard, another"
                    + " tool, or a file that was renamed). If the database already holds the schema up to this file,"
                    + " record that instead of running it: mvn pgmigrate:set -Dpgmigrate.toVersion=" + v + " (or, on"
                    + " a database without history, apply with -Dpgmigrate.baseline=" + v + "). To start versioning an"
                    + " existing database in one step, write its schema as a baseline file with mvn pgmigrate:pull;"
                    + " a database migrated by supabase db push is adopted with mvn pgmigrate:set"
                    + " -Dpgmigrate.importHistory=supabase";
        }
        return null;
    }
}
