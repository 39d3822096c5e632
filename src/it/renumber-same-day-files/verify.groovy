// hash, then renumber gives the three files of 20251019 their own versions in the same order, re-hashes, and the
// validate phase that follows passes.
def names = new File(basedir, 'migrations').list().findAll { it.endsWith('.sql') }.sort()
assert names == ['20251018_profiles.sql', '20251019000000_order_items.sql', '20251019000001_orders.sql',
                 '20251019000002_rls.sql', '20251020_views.sql'] : names
assert new File(basedir, 'migrations/20251019000001_orders.sql').text == '-- 20251019_orders\nSELECT 1;\n'
def sum = new File(basedir, 'migrations/atlas.sum').text
assert sum.contains('20251019000002_rls.sql h1:') && !sum.contains('20251019_rls.sql')
def log = new File(basedir, 'build.log').text
assert log.contains('Renaming 3 file(s) so that every version is unique (the order stays the same):')
assert log.contains('  20251019_order_items.sql -> 20251019000000_order_items.sql')
assert log.contains('  mvn pgmigrate:set -Dpgmigrate.toVersion=20251019000002')
assert log.contains('BUILD SUCCESS')
