// The migrations are a byte-exact copy of an Atlas test directory; atlas.sum must equal the one Atlas wrote.
def written = new File(basedir, 'migrations/atlas.sum').bytes
def expected = new File(basedir, 'expected-atlas.sum').bytes
assert written == expected : "atlas.sum differs from Atlas's:\n" + new String(written, 'UTF-8')
assert new File(basedir, 'build.log').text.contains('Wrote migrations/atlas.sum for 2 migration file(s)')
