-- Every table of Supabase's managed schemas with its row count, and the number of relations in each managed schema.
SELECT string_agg(entry, E'\n' ORDER BY entry) FROM (
    SELECT format('%I.%I=%s', n.nspname, c.relname, (xpath('/row/c/text()', query_to_xml(format(
               'SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text) AS entry
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('auth', 'storage', 'realtime', 'extensions', 'vault', 'graphql',
          'graphql_public', 'supabase_functions', 'net', 'pgbouncer')
    UNION ALL
    SELECT format('%I:%s', n.nspname, (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid))
    FROM pg_namespace n WHERE n.nspname IN ('auth', 'storage', 'realtime', 'extensions', 'vault', 'graphql',
          'graphql_public', 'supabase_functions', 'net', 'pgbouncer')
) AS counts
