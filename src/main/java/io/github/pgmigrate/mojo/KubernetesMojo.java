package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.kubernetes.ManifestFiles;
import io.github.pgmigrate.kubernetes.OperatorDelivery;
import io.github.pgmigrate.kubernetes.OperatorManifests;
import io.github.pgmigrate.kubernetes.SecretKeyReference;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a ConfigMap holding the migration directory and an AtlasMigration resource pointing at it, for the Atlas
 * Operator to apply inside a Kubernetes cluster.
 */
@Mojo(name = "kubernetes", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class KubernetesMojo extends AbstractPgMigrateMojo {

    /** metadata.name of the AtlasMigration; the ConfigMap is {@code <resourceName>-migrations}. */
    @Parameter(property = "pgmigrate.kubernetes.resourceName", defaultValue = "${project.artifactId}")
    private String resourceName;

    /** metadata.namespace of both objects; unset leaves it to {@code kubectl apply -n}. */
    @Parameter(property = "pgmigrate.kubernetes.namespace")
    private String namespace;

    /** The Secret whose key holds the target database's URL (default {@code <resourceName>-db}). */
    @Parameter(property = "pgmigrate.kubernetes.urlSecret")
    private String urlSecret;

    @Parameter(property = "pgmigrate.kubernetes.urlSecretKey", defaultValue = "url")
    private String urlSecretKey;

    /** The Secret whose key holds a dev database URL; unset lets the operator start its own. */
    @Parameter(property = "pgmigrate.kubernetes.devUrlSecret")
    private String devUrlSecret;

    @Parameter(property = "pgmigrate.kubernetes.devUrlSecretKey", defaultValue = "url")
    private String devUrlSecretKey;

    /** The schema of Atlas's revisions table in the target; unset for Atlas's default. */
    @Parameter(property = "pgmigrate.kubernetes.revisionsSchema")
    private String revisionsSchema;

    /** The baseline version for a database that existed before its first migration. */
    @Parameter(property = "pgmigrate.kubernetes.baseline")
    private String baseline;

    /** linear, linear-skip or non-linear, as Atlas's {@code --exec-order}. */
    @Parameter(property = "pgmigrate.kubernetes.execOrder", defaultValue = "linear")
    private String execOrder;

    @Parameter(property = "pgmigrate.kubernetes.outputDirectory",
            defaultValue = "${project.build.directory}/pgmigrate/k8s")
    private File outputDirectory;

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.kubernetes.skip", defaultValue = "false")
    private boolean kubernetesSkip;

    @Override
    protected String goal() {
        return "kubernetes";
    }

    @Override
    protected boolean goalSkipped() {
        return kubernetesSkip;
    }

    @Override
    protected String userPropertyPrefix() {
        return "pgmigrate.kubernetes.";
    }

    @Override
    protected void run() throws IOException, PgMigrateException {
        OperatorDelivery delivery = new OperatorDelivery(resourceName, namespace,
                SecretKeyReference.of("urlSecret", urlSecret == null ? resourceName + "-db" : urlSecret, urlSecretKey),
                devUrlSecret == null ? null : SecretKeyReference.of("devUrlSecret", devUrlSecret, devUrlSecretKey),
                revisionsSchema, baseline, ExecOrder.parse(execOrder));
        OperatorManifests manifests = OperatorManifests.build(loadDirectory(), delivery);
        Path output = outputDirectory.toPath();
        ManifestFiles.write(manifests, output);
        getLog().info("Wrote ConfigMap " + delivery.configMapName() + " and AtlasMigration " + delivery.resourceName()
                + " to " + displayPath(output) + " (URL from Secret " + delivery.urlSecret().name() + ", key "
                + delivery.urlSecret().key() + ")");
        getLog().info(manifests.needsServerSideApply()
                ? "The ConfigMap is over 256 KiB: apply it with 'kubectl apply --server-side -f " + displayPath(output)
                        + "' (client-side apply cannot store it in its annotation)"
                : "Apply with 'kubectl apply -k " + displayPath(output) + "'");
    }
}
