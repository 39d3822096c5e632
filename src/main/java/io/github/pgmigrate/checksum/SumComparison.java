package io.github.pgmigrate.checksum;

import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains why a directory no longer matches its atlas.sum. Added and removed files are found by name. Because each
 * hash covers every file before it, an edit can only be pinned down until the first change in the chain: the files
 * are replayed in the order the sum recorded them, and the first whose hash differs is the edited one.
 */
public final class SumComparison {
    private SumComparison() {
    }

    /** The changes, in file order; empty when the directory matches the sum. */
    public static List<SumChange> compare(SumFile stored, List<MigrationFile> files) {
        if (stored.directorySum().equals(SumFile.compute(files).directorySum())) {
            return List.of();
        }
        Map<String, Integer> storedLines = new HashMap<>();
        for (int i = 0; i < stored.entries().size(); i++) {
            storedLines.put(stored.entries().get(i).name(), i + 2);
        }
        Set<String> present = new HashSet<>();
        files.forEach(f -> present.add(f.name()));

        List<SumChange> changes = new ArrayList<>();
        MessageDigest running = SumFile.sha256();
        boolean chainIntact = true;
        int newLine = 2;
        List<String> removed = new ArrayList<>(storedLines.keySet());
        removed.removeAll(present);
        removed.sort(ByteOrder.COMPARATOR);
        int nextRemoved = 0;
        for (MigrationFile file : files) {
            while (nextRemoved < removed.size() && ByteOrder.compare(removed.get(nextRemoved), file.name()) < 0) {
                String name = removed.get(nextRemoved++);
                changes.add(new SumChange(name, SumChange.Kind.REMOVED, storedLines.get(name)));
                chainIntact = false;
            }
            if (file.isSumIgnored()) {
                running.update(file.name().getBytes(StandardCharsets.UTF_8));
                continue;
            }
            Integer line = storedLines.get(file.name());
            if (line == null) {
                changes.add(new SumChange(file.name(), SumChange.Kind.ADDED, newLine++));
                continue;
            }
            newLine++;
            running.update(file.name().getBytes(StandardCharsets.UTF_8));
            running.update(file.content());
            String hash = SumFile.base64(SumFile.snapshot(running));
            if (chainIntact && !hash.equals(stored.entries().get(line - 2).hash())) {
                changes.add(new SumChange(file.name(), SumChange.Kind.EDITED, line));
                chainIntact = false;
            }
        }
        for (; nextRemoved < removed.size(); nextRemoved++) {
            String name = removed.get(nextRemoved);
            changes.add(new SumChange(name, SumChange.Kind.REMOVED, storedLines.get(name)));
        }
        return changes;
    }
}
