import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
ScenarioDatabases.createPasswordRole(basedir.toPath(), 'pgmigrate_it_atlas', 'Hcl-Pass:w0rd@x')
def written = ScenarioDatabases.read(basedir.toPath())
def matcher = written.getProperty('it.db.url') =~ /^jdbc:postgresql:\/\/([^\/]+)\/(\w+)$/
assert matcher.find()
new File(basedir, 'atlas.hcl').text = """\
// The shape of a team's atlas.hcl: variables from the environment, locals, one env per stage.
variable "db_password" {
  type    = string
  default = getenv("PGMIGRATE_IT_ATLAS_PASSWORD")
}

locals {
  server = "${matcher.group(1)}"
  url    = "postgres://pgmigrate_it_atlas:\${urlescape(var.db_password)}@\${local.server}/${matcher.group(2)}?sslmode=disable"
}

env "local" {
  url     = local.url
  dev     = "docker://postgres/15/dev"
  exclude = ["auth", "storage"]
  migration {
    dir              = "file://db/migrations"
    revisions_schema = "deploy"
    exec_order       = LINEAR_SKIP
    lock_timeout     = "5s"
  }
}

env "staging" {
  url = getenv("PGMIGRATE_IT_STAGING_URL")
  migration {
    dir = "file://db/migrations"
  }
}
"""
return true
