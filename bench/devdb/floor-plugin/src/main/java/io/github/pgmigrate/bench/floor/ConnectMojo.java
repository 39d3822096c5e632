package io.github.pgmigrate.bench.floor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The least a no-op apply does beside reading the directory: log in with pgjdbc and read the revisions table.
 */
@Mojo(name = "connect", threadSafe = true, requiresProject = false)
public class ConnectMojo extends AbstractMojo {
    @Parameter(property = "floor.url", required = true)
    private String url;

    @Parameter(property = "floor.user", defaultValue = "postgres")
    private String user;

    @Override
    public void execute() throws MojoExecutionException {
        try (Connection connection = DriverManager.getConnection(url, user, null);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, hash FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY version")) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            getLog().info(count + " revisions");
        } catch (SQLException e) {
            throw new MojoExecutionException("floor:connect failed: " + e.getMessage(), e);
        }
    }
}
