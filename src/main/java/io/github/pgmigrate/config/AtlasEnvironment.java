package io.github.pgmigrate.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code env "<name>"} block of an atlas.hcl, as pgmigrate uses it.
 *
 * @param environment the connection: {@code url}, {@code dev}, {@code migration.revisions_schema}
 * @param dir         {@code migration.dir} as a path, or null when the block names none
 * @param baseline    {@code migration.baseline}, or null
 * @param execOrder   {@code migration.exec_order} as pgmigrate spells it ({@code linear-skip}), or null
 * @param exclude     {@code exclude} patterns (empty when none)
 * @param notUsed     what the block holds that pgmigrate does not use, each as {@code atlas.hcl:12: name}
 */
public record AtlasEnvironment(Environment environment, Path dir, String baseline, String execOrder,
                               List<String> exclude, List<String> notUsed) {
    public AtlasEnvironment {
        exclude = List.copyOf(exclude);
        notUsed = List.copyOf(notUsed);
    }
}
