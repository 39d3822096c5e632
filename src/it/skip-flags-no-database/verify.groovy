import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 5
['apply', 'status', 'set'].each { assert builds[0].contains("Skipping pgmigrate:${it} (pgmigrate.skip is set)") }
assert builds[1].contains('Skipping pgmigrate:apply (pgmigrate.apply.skip is set)')
assert builds[2].contains('Skipping pgmigrate:status (pgmigrate.status.skip is set)')
assert builds[3].contains('Skipping pgmigrate:set (pgmigrate.set.skip is set)')
builds[0..3].each {
    assert it.contains('BUILD SUCCESS')
    assert !it.contains('Environment default')
}
assert builds[4].contains('BUILD FAILURE')
assert builds[4].contains('127.0.0.1:1')
return true
