def log = new File(basedir, 'build.log').text
// validate passed (the directory is sound), then the lint gate in the verify phase said no.
assert log.contains('Validated 2 migration file(s)')
assert log =~ /migrations\/20250102000000_users_email_index\.sql:1:1: error require-concurrent-index-creation/
assert log.contains('pgmigrate:lint found 1 error')
assert log =~ /::error file=[^,]*migrations\/20250102000000_users_email_index\.sql,line=1/
['lint.json', 'lint.sarif', 'TEST-pgmigrate.lint.xml'].each {
    assert new File(basedir, 'target/pgmigrate/' + it).isFile() : it
}
assert new File(basedir, 'target/pgmigrate/lint.sarif').text.contains('require-concurrent-index-creation')
