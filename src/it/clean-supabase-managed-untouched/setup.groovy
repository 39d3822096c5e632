import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.supabase(basedir)
ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute("INSERT INTO auth.users (id) VALUES (gen_random_uuid())")
    def rs = connection.createStatement().executeQuery(new File(basedir, 'managed-counts.sql').text)
    rs.next()
    new File(basedir, 'managed-before.txt').text = rs.getString(1)
}
return true
