import io.github.pgmigrate.testing.ScenarioDatabases

// No power asserts on the properties: a failing one would print the password into the log.
def written = ScenarioDatabases.read(basedir.toPath())
def databaseName = written.getProperty('it.db.name')
def password = written.getProperty('it.db.password')
def log = new File(basedir, 'build.log').text
assert log.contains("Building scenario on ${databaseName} 1")
assert log.contains('BUILD SUCCESS')
if (!password.isEmpty() && log.contains(password)) {
    throw new AssertionError('the database password appears in build.log')
}

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT current_user, rolsuper, to_regclass('auth.users') IS NOT NULL FROM pg_roles WHERE rolname = current_user")
    assert rs.next()
    assert rs.getString(1) == 'postgres'
    assert !rs.getBoolean(2)
    assert rs.getBoolean(3)
    try {
        connection.createStatement().execute('ALTER TABLE auth.users ADD COLUMN nickname text')
        assert false: 'the non-superuser postgres altered auth.users'
    } catch (java.sql.SQLException e) {
        assert e.message.contains('must be owner of table users')
    }
}
return true
