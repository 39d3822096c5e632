package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.devdb.DevUrls;
import io.github.pgmigrate.lint.LintGate;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.lint.replay.LintReplay;
import io.github.pgmigrate.report.GitHubAnnotations;
import io.github.pgmigrate.report.LintCommand;
import io.github.pgmigrate.report.ReportFormat;
import io.github.pgmigrate.report.ToolInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Lints the migrations for changes that lock or rewrite tables in production, lose data, break clients or fail
 * half way, and fails the build on findings at or above {@code failOn}. Writes JSON, SARIF and JUnit reports to
 * {@code target/pgmigrate/}, and GitHub Actions annotations when {@code GITHUB_ACTIONS=true}. Rules: docs/lint.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractPgMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.lint.skip", defaultValue = "false")
    private boolean lintSkip;

    /** Which findings fail the build: {@code error}, {@code warning} or {@code never}. */
    @Parameter(property = "pgmigrate.lint.failOn", defaultValue = "error")
    private String failOn;

    /** The PostgreSQL version the migrations target ({@code 17}, {@code 14.3}); rules follow its behaviour. */
    @Parameter(property = "pgmigrate.lint.pgVersion", defaultValue = "17")
    private String pgVersion;

    /** How files without an {@code atlas:txmode} directive run: {@code file} (one transaction each) or {@code none}. */
    @Parameter(property = "pgmigrate.lint.txMode", defaultValue = "file")
    private String txMode;

    /** Lint only the last N files (Atlas's --latest). */
    @Parameter(property = "pgmigrate.lint.latest")
    private Integer latest;

    /** Lint only the files added since this git revision, e.g. {@code origin/main} (Atlas's --git-base). */
    @Parameter(property = "pgmigrate.lint.gitBase")
    private String gitBase;

    /** Where git runs for {@code gitBase}. */
    @Parameter(property = "pgmigrate.lint.gitDir", defaultValue = "${project.basedir}")
    private File gitDir;

    /** Per-rule levels: {@code <rules><ban-drop-column>warning</ban-drop-column></rules>}; levels error, warning, off. */
    @Parameter
    private Map<String, String> rules;

    /** Per-rule levels from the command line: {@code -Dpgmigrate.lint.rules=ban-drop-column=warning,prefer-robust-stmts=off}. */
    @Parameter(property = "pgmigrate.lint.rules")
    private String ruleLevels;

    /** The report files to write: any of json, sarif, junit (comma-separated), or none. */
    @Parameter(property = "pgmigrate.lint.formats", defaultValue = "json,sarif,junit")
    private String formats;

    /** Where the report files go. */
    @Parameter(property = "pgmigrate.lint.outputDirectory", defaultValue = "${project.build.directory}/pgmigrate")
    private File outputDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /**
     * Replay the linted files on a dev database and report the locks and rewrites measured there (docs/lint/replay.md).
     */
    @Parameter(property = "pgmigrate.lint.replay", defaultValue = "false")
    private boolean replay;

    /** SQL loaded on the replay database after the files before the linted ones, so rewrites and scans meet rows. */
    @Parameter(property = "pgmigrate.lint.replaySeed")
    private File replaySeed;

    /** Where replay runs: a PostgreSQL server URL; default: the embedded PostgreSQL of {@code pgVersion}'s major. */
    @Parameter(property = "pgmigrate.devUrl")
    private String devUrl;

    /** Reuse replayed directory prefixes across runs (see docs/dev-database.md). */
    @Parameter(property = "pgmigrate.devCache", defaultValue = "true")
    private boolean devCache;

    @Inject
    private RepositorySystem repositories;

    @Override
    protected String goal() {
        return "lint";
    }

    @Override
    protected boolean goalSkipped() {
        return lintSkip;
    }

    @Override
    protected String userPropertyPrefix() {
        return "pgmigrate.lint.";
    }

    @Override
    protected void run() throws PgMigrateException, IOException, MojoExecutionException {
        LintGate gate = LintGate.parse(failOn);
        LintOptions options = options();
        List<ReportFormat> reportFormats = ReportFormat.parseList(formats);
        LintScope scope = LintScope.of(latest, gitBase, gitDir.toPath());
        MigrationDirectory directory = loadDirectory();
        LintCommand.Request request = new LintCommand.Request(directory, scope, options, gate, reportFormats,
                outputDirectory.toPath(), ToolInfo.pgmigrate(pluginVersion), this::reportPath, this::displayPath);
        LintReplay.Request replayRequest = null;
        if (replay) {
            if (replaySeed != null && !replaySeed.isFile()) {
                throw new ConfigurationException("lint.replaySeed", replaySeed.getPath(), "is not a file",
                        "point it at an SQL file, e.g. <replaySeed>${project.basedir}/supabase/seed.sql</replaySeed>");
            }
            DevServer server = DatabaseConnections.devServer(DevUrls.choose(devUrl, options.pgVersion().major()),
                    devCache, repositories, session, getPluginContext(), getLog());
            replayRequest = new LintReplay.Request(server, replaySeed == null ? null : replaySeed.toPath());
        }
        // Workflow commands must start the line, so they bypass the Maven log prefix.
        LintCommand.run(request, replayRequest, new MavenOutput(getLog()),
                GitHubAnnotations.enabled(System.getenv()) ? System.out::println : null);
    }

    /**
     * Paths in findings are relative to the directory Maven was started in (the repository root in CI), because GitHub
     * annotations and SARIF locations must be repository-relative, also for a module of a multi-module build.
     */
    private String reportPath(Path path) {
        String root = session == null ? null : session.getExecutionRootDirectory();
        if (root != null) {
            Path base = Path.of(root).toAbsolutePath();
            Path absolute = path.toAbsolutePath();
            if (absolute.startsWith(base)) {
                return base.relativize(absolute).toString().replace(File.separatorChar, '/');
            }
        }
        return displayPath(path);
    }

    private LintOptions options() throws ConfigurationException {
        return LintConfiguration.options(pgVersion, TxMode.parse(txMode), rules, ruleLevels);
    }
}
