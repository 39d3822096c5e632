import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.supabase(basedir)
// What supabase db push left: its history table with two versions (their tables are not needed for status).
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def statement = connection.createStatement()
    statement.execute('CREATE SCHEMA IF NOT EXISTS supabase_migrations')
    statement.execute('CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)')
    statement.execute('ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]')
    statement.execute('ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text')
    statement.execute("INSERT INTO supabase_migrations.schema_migrations VALUES ('20250101000000', '{}', 'profiles'),"
            + " ('20250103000000', '{}', 'tags')")
}
return true
