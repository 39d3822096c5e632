// package ran pgmigrate:kubernetes (bound without a phase) after hash wrote atlas.sum.
def out = new File(basedir, 'target/pgmigrate/k8s')
def configMap = new File(out, 'configmap.yaml').text
def resource = new File(out, 'atlasmigration.yaml').text
def sum = new File(basedir, 'migrations/atlas.sum').text

assert configMap.contains('name: shop-migrations') && configMap.contains('namespace: prod')
assert configMap.contains('"20240101000000_init.sql": |\n    CREATE TABLE customers (\n      id bigint PRIMARY KEY\n    );\n')
assert configMap.contains('    -- atlas:txmode none\n\n    CREATE INDEX CONCURRENTLY customers_id ON customers (id);\n')
sum.readLines().each { line -> assert configMap.contains('    ' + line + '\n') : "atlas.sum line missing: " + line }

assert resource.contains('kind: AtlasMigration') && resource.contains('apiVersion: db.atlasgo.io/v1alpha1')
assert resource.contains('urlFrom:\n    secretKeyRef:\n      name: shop-db\n      key: url')
assert resource.contains('configMapRef:\n      name: shop-migrations')
assert resource.contains('baseline: "20240101000000"')
assert new File(out, 'kustomization.yaml').text.contains('- atlasmigration.yaml')

def log = new File(basedir, 'build.log').text
assert log.contains('Wrote ConfigMap shop-migrations and AtlasMigration shop to target/pgmigrate/k8s (URL from Secret shop-db, key url)')
assert log.contains("Apply with 'kubectl apply -k target/pgmigrate/k8s'")
