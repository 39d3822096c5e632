import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 5
builds.each {
    assert it.contains('BUILD FAILURE')
    assert !it.contains('Environment default'): 'a configuration error must stop the goal before it connects'
}
assert builds[0].contains("<txMode>/-Dpgmigrate.txMode: 'fle' is not one of file, all, none")
assert builds[1].contains("<execOrder>/-Dpgmigrate.execOrder: 'sideways' is not one of linear, linear-skip, non-linear")
assert builds[2].contains("<lockTimeout>/-Dpgmigrate.lockTimeout: 'soon' is not a duration")
assert builds[2].contains('write it as 10s, 500ms, 2m, 1h or 0')
assert builds[3].contains("<failOn>/-Dpgmigrate.lint.failOn: 'sometimes' is not one of error, warning, never")
assert builds[4].contains("<pgVersion>/-Dpgmigrate.lint.pgVersion: 'seventeen' is not a PostgreSQL version")
return true
