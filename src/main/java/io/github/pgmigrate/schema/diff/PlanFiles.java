package io.github.pgmigrate.schema.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan cut into migration files: consecutive transactional statements share a file (one transaction), statements
 * that cannot run in a transaction go into {@code -- atlas:txmode none} files, and a statement that must follow a
 * commit starts a new file.
 */
public final class PlanFiles {
    /** The directive line and the blank line Atlas expects after it. */
    public static final String TXMODE_NONE = "-- atlas:txmode none\n\n";

    /** One file's content and whether it runs outside a transaction. */
    /**
     * Marks a statement the plan needs although the linter would refuse it (a destructive change the caller allowed,
     * a rewrite PostgreSQL has no online form for); the comment above it says why.
     */
    static final String NOLINT = "-- atlas:nolint\n";

    public record PlanFile(boolean txModeNone, String content) {
    }

    private PlanFiles() {
    }

    public static List<PlanFile> split(Plan plan) {
        List<PlanFile> files = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentTransactional = true;
        for (Step step : plan.steps()) {
            boolean boundary = current.length() > 0
                    && (step.transactional() != currentTransactional || step.afterCommit());
            if (boundary) {
                files.add(file(currentTransactional, current));
                current.setLength(0);
            }
            currentTransactional = step.transactional();
            if (step.risk() != null) {
                current.append("-- ").append(step.risk().replace("\n", " ")).append('\n').append(NOLINT);
            }
            current.append(step.sql()).append(";\n");
        }
        if (current.length() > 0) {
            files.add(file(currentTransactional, current));
        }
        return List.copyOf(files);
    }

    private static PlanFile file(boolean transactional, StringBuilder sql) {
        return new PlanFile(!transactional, (transactional ? "" : TXMODE_NONE) + sql);
    }
}
