package io.github.pgmigrate.schema;

import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspectionException;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.testing.Resources;
import io.github.pgmigrate.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases with known schemas for the schema engine's tests. */
public final class SchemaFixtures {
    private SchemaFixtures() {
    }

    /** Runs a test resource (many statements in one simple query). */
    public static void run(TestDatabase db, String resource) {
        execute(db, new String(Resources.bytes(resource), StandardCharsets.UTF_8));
    }

    public static void execute(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static Inspection inspect(TestDatabase db, InspectScope scope) {
        try (Connection c = db.connect()) {
            return SchemaInspector.inspect(c, scope);
        } catch (SQLException | SchemaInspectionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static SchemaModel model(TestDatabase db) {
        return inspect(db, InspectScope.everything()).model();
    }
}
