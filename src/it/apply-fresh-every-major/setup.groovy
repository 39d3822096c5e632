io.github.pgmigrate.testing.ScenarioDatabases.freshOnMajors(basedir, [13, 14, 15, 16, 17, 18])
