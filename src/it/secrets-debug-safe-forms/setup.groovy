import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
// A fixed role name and test-only password: invoker.properties passes the password through environment variables.
ScenarioDatabases.createPasswordRole(basedir.toPath(), 'pgmigrate_it_secrets', 'Env-Secret/9z%Q')
def url = ScenarioDatabases.read(basedir.toPath()).getProperty('it.db.url')
def matcher = url =~ /^jdbc:postgresql:\/\/([^\/:]+):(\d+)\/(\w+)$/
assert matcher.find()
// host:port:database:user:password, as libpq and pgjdbc read it
new File(basedir, 'pgpass').text = "${matcher.group(1)}:${matcher.group(2)}:${matcher.group(3)}:pgmigrate_it_secrets:Env-Secret/9z%Q\n"
return true
