// Supabase-style YYYYMMDD names, three files on one day: an error naming all three and the goal that fixes it.
def log = new File(basedir, 'build.log').text
assert log.contains('version 20251019 is used by 20251019_order_items.sql, 20251019_orders.sql, 20251019_rls.sql')
assert log.contains('mvn pgmigrate:renumber renames them to unique 14-digit versions in the same order')
