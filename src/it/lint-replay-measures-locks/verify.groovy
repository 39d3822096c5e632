import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (replayed, stat) = builds
def file = 'migrations/20250102000000_changes.sql'

assert replayed.contains('Replaying the linted files on the embedded PostgreSQL')
assert replayed.contains("${file}:3:") && replayed =~ /changing-column-type .*\[measured: ACCESS EXCLUSIVE on public.users \(3 rows\); public.users rewritten\]/
assert replayed =~ /(?m)^\[WARNING\] .*:4:\d+: warning changing-column-type .*the table was not rewritten.*\[measured: ACCESS EXCLUSIVE on public.users \(3 rows\); no table rewritten\]/
assert replayed =~ /:5:1: warning measured-access-exclusive-lock Measured on PostgreSQL 17: this statement took ACCESS EXCLUSIVE on public.users/
assert replayed.contains('BUILD SUCCESS')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pgmigrate/lint.json'))
def measured = json.findings.findAll { it.measured }
assert measured*.rule.sort() == ['changing-column-type', 'changing-column-type', 'measured-access-exclusive-lock']
assert measured.every { it.observed.startsWith('ACCESS EXCLUSIVE on public.users') }
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pgmigrate/lint.sarif'))
assert sarif.runs[0].results.count { it.properties?.measured } == 3

// Without replay: both type changes are errors, nothing is measured, the function call goes unnoticed.
assert !stat.contains('[measured:')
assert stat =~ /:4:\d+: error changing-column-type/
assert !stat.contains('measured-access-exclusive-lock')
return true
