package io.github.pgmigrate.bench.floor;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Does nothing: what Maven charges for loading and running a goal of a one-dependency plugin. */
@Mojo(name = "nothing", threadSafe = true, requiresProject = false)
public class NothingMojo extends AbstractMojo {
    @Override
    public void execute() {
        // The measurement is of everything around this method.
    }
}
