import io.github.pgmigrate.testing.ScenarioDatabases
import java.nio.file.Files
import java.nio.file.StandardCopyOption

ScenarioDatabases.fresh(basedir)
// A copy of the sample (basedir is target/it/<scenario>), its schema.sql edited as a developer would.
def sample = basedir.toPath().resolve('../../../migrations-sample').normalize()
def migrations = Files.createDirectories(basedir.toPath().resolve('migrations'))
Files.list(sample.resolve('migrations')).withCloseable { files ->
    files.each { Files.copy(it, migrations.resolve(it.fileName.toString()), StandardCopyOption.REPLACE_EXISTING) }
}
def schema = sample.resolve('schema.sql').toFile().text
schema = schema.replace("    published   boolean NOT NULL DEFAULT false,\n",
        "    published   boolean NOT NULL DEFAULT false,\n    tags        text[] NOT NULL DEFAULT '{}',\n")
schema = schema.replace("CREATE INDEX posts_created_at_idx ON posts (created_at);\n",
        "CREATE INDEX posts_created_at_idx ON posts (created_at);\nCREATE INDEX posts_tags_idx ON posts USING gin (tags);\n")
assert schema.contains('tags        text[]') && schema.contains('posts_tags_idx')
new File(basedir, 'schema.sql').text = schema
return null
