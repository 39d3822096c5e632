import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
assert log.contains('BUILD FAILURE')
// Reported for the fleet as a whole, with file and line, before any target ran (no target's progress line).
assert log.contains('the migration directory is not valid, nothing was applied')
assert log =~ /20250102000000_broken\.sql:2/
assert !(log =~ /\[1\/3\]/)
assert !log.contains('tenant_01')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT count(*) FROM pg_tables WHERE tablename IN ('orders', 'atlas_schema_revisions')""")
    assert rs.next()
    assert rs.getInt(1) == 0
}
return true
