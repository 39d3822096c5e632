io.github.pgmigrate.testing.ScenarioDatabases.freshNamed(basedir, ['eu', 'us', 'ap'])
