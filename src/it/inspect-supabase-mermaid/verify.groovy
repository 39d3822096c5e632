import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
builds.each { assert it.contains('BUILD SUCCESS') }
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 1: the diagram, written to the file, with the application's tables only.
assert builds[0].contains('Left out the platform\'s managed schemas')
assert builds[0] =~ /managed schemas [^\n]*\bauth\b[^\n]*\bstorage\b/
def mermaid = new File(basedir, 'target/schema.mmd').text
assert mermaid.startsWith('erDiagram\n')
assert mermaid.contains('    public__profiles["public.profiles"] {\n        uuid id PK, FK\n        text username UK\n    }')
assert mermaid.contains('    public__posts }o--|| public__profiles : "posts_author_fkey"')
assert mermaid.contains('    public__profiles }o--|| auth__users : "profiles_id_fkey"')
assert !mermaid.contains('auth__identities')
assert !mermaid.contains('["auth.users"]')

// 2: the SQL form in the log.
assert builds[1].contains('CREATE TABLE public.posts (')
assert builds[1].contains("COMMENT ON TABLE public.posts IS 'what people write';")
assert !builds[1].contains('CREATE TABLE auth.')

// Reading wrote nothing: no history schema appeared.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("SELECT to_regnamespace('atlas_schema_revisions') IS NULL")
    assert rs.next() && rs.getBoolean(1)
}
return true
