import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (failed, partial, resumed) = builds
[failed, resumed].each { assert it.contains('transaction pooler (pooler=transaction is configured') }
assert ScenarioDatabases.pgBouncerLogins(basedir.toPath()) >= 3

// Everything else is what failure-mid-file-resume asserts on a direct connection (basedir is target/it/<scenario>).
evaluate(new File(basedir, '../../../src/it/failure-mid-file-resume/verify.groovy'))
