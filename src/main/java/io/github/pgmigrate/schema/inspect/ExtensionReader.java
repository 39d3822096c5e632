package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.Extension;
import java.sql.SQLException;
import java.util.List;

/** Extensions installed into a schema in scope (plpgsql, which every database has, is not listed). */
final class ExtensionReader {
    private final CatalogReader catalog;

    ExtensionReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    List<Extension> read() throws SQLException {
        return catalog.rows("SELECT e.extname, n.nspname, e.extversion FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE n.nspname = ANY(:schemas) AND e.extname <> 'plpgsql' ORDER BY 1",
                rs -> new Extension(rs.getString("extname"), rs.getString("nspname"), rs.getString("extversion")));
    }
}
