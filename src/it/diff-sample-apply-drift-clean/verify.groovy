import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 4
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 1: two new files: the column in a transaction, the index in its own txmode none file; atlas.sum re-hashed.
assert builds[0].contains('BUILD SUCCESS')
def written = new File(basedir, 'migrations').listFiles().findAll { it.name.endsWith('_add_tags.sql') }.sort { it.name }
assert written.size() == 2
assert written[0].text.contains("ALTER TABLE public.posts ADD COLUMN tags text[] DEFAULT '{}'::text[] NOT NULL")
assert written[1].text.startsWith('-- atlas:txmode none\n\n')
assert written[1].text.contains('CREATE INDEX CONCURRENTLY posts_tags_idx ON public.posts USING gin (tags)')
assert new File(basedir, 'migrations/atlas.sum').text.contains(written[1].name)
assert builds[0].contains('Re-hashed migrations/atlas.sum')
assert !builds[0].contains('pgmigrate_dev_') || builds[0].contains('Replayed')

// 2: the written plan passes pgmigrate's own lint, and applies.
assert builds[1].contains('BUILD SUCCESS')
assert !builds[1].contains('[ERROR]')

// 3: the database is now what schema.sql says.
assert builds[2].contains('No drift: the live schema is the one the migration directory creates')
assert builds[2].contains('BUILD SUCCESS')

// 4: nothing left to do, no file.
assert builds[3].contains('No changes: the migration directory already creates the desired schema; no file written')
assert new File(basedir, 'migrations').listFiles().findAll { it.name.endsWith('_again.sql') }.isEmpty()

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'posts_tags_idx'")
    assert rs.next() && rs.getInt(1) == 1
}
return true
