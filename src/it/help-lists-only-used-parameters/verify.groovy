import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
builds.each { assert it.contains('BUILD SUCCESS') }

// Each goal's section of the help output: its name at the start of a line, then its indented description and parameters.
def sections = { String build ->
    def parts = build.split(/(?m)^(?=pgmigrate:[a-z-]+$)/).findAll { it.startsWith('pgmigrate:') }
    parts.collectEntries { part -> [(part.readLines()[0] - 'pgmigrate:'): part] }
}
def parameters = { String section -> (section =~ /(?m)^ {4}([A-Za-z]+)\b/).collect { it[1] } as Set }

def connection = ['environments', 'env', 'url', 'user', 'password', 'serverId', 'revisionsSchema'] as Set
def all = sections(builds[0])
assert all.keySet().containsAll(['apply', 'status', 'set', 'validate', 'hash', 'new', 'lint', 'down', 'verify-migrations'])

['validate', 'hash', 'new', 'lint'].each { goal ->
    def listed = parameters(all[goal])
    assert listed.contains('dir') && listed.contains('skip')
    assert listed.intersect(connection).isEmpty(): "pgmigrate:${goal} lists connection parameters ${listed.intersect(connection)}"
}
// kubernetes writes a revisionsSchema into the AtlasMigration it generates, but connects nowhere.
def credentials = connection - ['revisionsSchema']
['renumber', 'kubernetes'].each { goal ->
    assert parameters(all[goal]).intersect(credentials).isEmpty(): "pgmigrate:${goal} lists connection parameters"
}
all.findAll { goal, section -> parameters(section).any { it in credentials } }.each { goal, section ->
    assert parameters(section).containsAll(connection): "pgmigrate:${goal} lists only some connection parameters"
}
['apply', 'status', 'set'].each { assert parameters(all[it]).containsAll(connection) }

['apply', 'set', 'validate'].each { assert 'strict' in parameters(all[it]) }
['status', 'hash', 'new', 'lint', 'down', 'verify-migrations'].each { assert !('strict' in parameters(all[it])): "pgmigrate:${it} lists strict, which it ignores" }

def validateOnly = sections(builds[1])
assert validateOnly.keySet() == ['validate'] as Set
assert parameters(validateOnly['validate']) == parameters(all['validate'])
return true
