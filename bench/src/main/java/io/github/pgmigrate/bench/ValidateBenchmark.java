package io.github.pgmigrate.bench;

import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.validate.DirectoryValidator;
import io.github.pgmigrate.validate.ValidationReport;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code pgmigrate:validate} does on a 10,000-file directory: read every file, split it, check directives and
 * versions, and compare atlas.sum. The peer reads the same files and SHA-256s their bytes: the I/O and hashing floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class ValidateBenchmark {
    Path directory;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Corpus.directory(10_000);
        SumWriter.write(MigrationDirectory.load(directory));
    }

    @Benchmark
    public ValidationReport loadValidateAndCheckSum() throws Exception {
        ValidationReport report = DirectoryValidator.validate(MigrationDirectory.load(directory), false);
        if (report.hasErrors()) {
            throw new IllegalStateException(report.errors().toString());
        }
        return report;
    }

    @Benchmark
    public byte[] hash() throws Exception {
        return SumFile.compute(MigrationDirectory.load(directory).files()).format();
    }

    @Benchmark
    public byte[] peerReadAndSha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.sql")) {
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
        }
        return digest.digest();
    }
}
