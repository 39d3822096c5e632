import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
// A database that already has the schema of the first two versions, created before migrations were adopted.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute('''
        CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
        INSERT INTO users VALUES (7, 'existing@example.com');
        CREATE TABLE posts (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES users (id), title text NOT NULL);''')
}
return true
