def dir = new File(basedir, 'migrations')
def names = dir.list().sort()
assert names.size() == 3 : names
assert names[0] ==~ /\d{14}_add_users\.sql/
assert names[1] == '29990101000000_add_posts.sql'
assert names[2] == 'atlas.sum'
assert new File(dir, names[0]).text == '-- add users\n'
def sum = new File(dir, 'atlas.sum').text.readLines()
assert sum.size() == 3 && sum[0].startsWith('h1:') && sum[1].startsWith(names[0] + ' h1:')
assert new File(basedir, 'build.log').text.contains('Validated 2 migration file(s)')
