def log = new File(basedir, 'build.log').text
assert log.contains('migrations/atlas.sum: atlas.sum is missing')
assert !new File(basedir, 'migrations/atlas.sum').exists()
