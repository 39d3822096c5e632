package io.github.pgmigrate.mojo;

import io.github.pgmigrate.output.Output;
import org.apache.maven.plugin.logging.Log;

/** The engine's output on the Maven log. */
final class MavenOutput implements Output {
    private final Log log;

    MavenOutput(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }
}
