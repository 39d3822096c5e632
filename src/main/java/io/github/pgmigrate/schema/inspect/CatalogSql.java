package io.github.pgmigrate.schema.inspect;

/** SQL fragments the catalog queries share. */
final class CatalogSql {
    private CatalogSql() {
    }

    /** True when the object is a member of an extension (extension objects are not part of the model). */
    static String extensionMember(String catalog, String oid) {
        return "EXISTS (SELECT FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = " + oid
                + " AND e.deptype = 'e')";
    }

    /** pg_class {@code c} in namespace {@code n}: in scope, not an extension member, not a history table. */
    static String relationInScope() {
        return "n.nspname = ANY(:schemas) AND NOT c.relname = ANY(:skipTables) AND NOT "
                + extensionMember("pg_class", "c.oid");
    }

    /**
     * The privileges of roles other than the owner, as a JSON array of {@code [grantee, privilege, grantable]};
     * a NULL acl means the default for the object type ({@code acldefault}).
     *
     * @param acl       the acl column
     * @param aclKind   acldefault's object type letter (r, s, f, n, T)
     * @param ownerOid  the owner column
     */
    static String grants(String acl, char aclKind, String ownerOid) {
        return "(SELECT json_agg(json_build_array(CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
                + " ELSE pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable))"
                + " FROM aclexplode(coalesce(" + acl + ", acldefault('" + aclKind + "', " + ownerOid + "))) a"
                + " WHERE a.grantee <> " + ownerOid + ")::text";
    }

    /** A collation other than {@code typeCollation} as {@code schema."name"}, else NULL. */
    static String collation(String collationOid, String typeCollation) {
        return "(SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_collation co"
                + " JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = " + collationOid
                + " AND " + collationOid + " <> " + typeCollation + ")";
    }
}
