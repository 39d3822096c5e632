import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
def written = ScenarioDatabases.read(basedir.toPath())
// The role behind the settings.xml server "pgmigrate-it-deployer" (a fixed name: roles belong to the whole server).
ScenarioDatabases.createPasswordRole(basedir.toPath(), 'pgmigrate_it_deployer', 'Pa55/w@rd:%+x9Q')
// host:port for the postgres:// URL of the "uri" environment
def matcher = written.getProperty('it.db.url') =~ /^jdbc:postgresql:\/\/([^\/]+)\//
assert matcher.find()
new File(basedir, 'test.properties').withWriterAppend('UTF-8') { it << "it.db.hostPort=${matcher.group(1)}\n" }
return true
