import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.supabase(basedir)
// A project migrated by supabase db push: the first two files ran, and the CLI recorded them.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def statement = connection.createStatement()
    statement.execute(new File(basedir, 'migrations/20250101000000_profiles.sql').text)
    statement.execute(new File(basedir, 'migrations/20250102000000_notes.sql').text)
    statement.execute('CREATE SCHEMA IF NOT EXISTS supabase_migrations')
    statement.execute('CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)')
    statement.execute('ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]')
    statement.execute('ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text')
    statement.execute("INSERT INTO supabase_migrations.schema_migrations VALUES ('20250101000000', '{}', 'profiles'),"
            + " ('20250102000000', '{}', 'notes')")
}
return true
