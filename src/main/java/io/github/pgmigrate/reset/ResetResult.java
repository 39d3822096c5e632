package io.github.pgmigrate.reset;

import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.clean.CleanResult;

/**
 * What reset did.
 *
 * @param clean          what was dropped
 * @param apply          what was applied; null in a dry run
 * @param seedStatements how many seed statements ran (0 without a seed or in a dry run)
 */
public record ResetResult(CleanResult clean, ApplyResult apply, int seedStatements) {
}
