import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 1: the plan, in the log and the file, online-safe.
assert builds[0].contains('BUILD SUCCESS')
def plan = new File(basedir, 'target/plan.sql').text
assert plan.contains("ALTER TABLE public.t ADD COLUMN note text DEFAULT 'x'::text;")
assert plan.contains('CREATE INDEX CONCURRENTLY t_name ON public.t USING btree (name);')
assert plan.contains('CREATE VIEW public.v AS')
assert builds[0].contains('CREATE INDEX CONCURRENTLY t_name')

// 2: the reverse drops the column: refused, the hazard named, no SQL printed.
assert builds[1].contains('BUILD FAILURE')
assert builds[1].contains('Hazard: column public.t.note: dropped with its data')
assert builds[1].contains('allowDestructive')
assert !builds[1].contains('DROP COLUMN')

// 3: the same database on both sides.
assert builds[2].contains('No changes: the schemas are the same')
assert builds[2].contains('BUILD SUCCESS')

// schema-diff runs nothing: the current database still lacks the column.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'note'")
    assert rs.next() && rs.getInt(1) == 0
}
return true
