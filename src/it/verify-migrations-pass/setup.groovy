import java.nio.file.Files
import java.nio.file.StandardCopyOption

// A copy of the sample, down/ sub-folder included (basedir is target/it/<scenario>).
def sample = basedir.toPath().resolve('../../../migrations-sample').normalize()
Files.walk(sample.resolve('migrations')).withCloseable { paths ->
    paths.each { source ->
        def target = basedir.toPath().resolve('migrations').resolve(sample.resolve('migrations').relativize(source).toString())
        if (Files.isDirectory(source)) {
            Files.createDirectories(target)
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
Files.copy(sample.resolve('schema.sql'), basedir.toPath().resolve('schema.sql'), StandardCopyOption.REPLACE_EXISTING)
return null
