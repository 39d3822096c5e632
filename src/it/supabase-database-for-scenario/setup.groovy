// Every database scenario starts like this: a fresh database (here the simulated Supabase one) whose connection
// the Invoker passes to the build as it.db.url / it.db.user / it.db.password (see docs/testing.md).
io.github.pgmigrate.testing.ScenarioDatabases.supabase(basedir)
