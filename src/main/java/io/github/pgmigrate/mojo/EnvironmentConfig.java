package io.github.pgmigrate.mojo;

import io.github.pgmigrate.config.Environment;
import java.util.Map;

/** One {@code <environment>} of the plugin configuration, as Maven injects it. */
public class EnvironmentConfig {
    private String name;
    private String url;
    private String user;
    private String password;
    private String serverId;
    private String revisionsSchema;
    private String devUrl;
    private Map<String, String> properties;
    private boolean isDefault;
    private String pooler;
    private boolean disposable;
    private boolean isProtected;

    public void setName(String name) {
        this.name = name;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public void setRevisionsSchema(String revisionsSchema) {
        this.revisionsSchema = revisionsSchema;
    }

    public void setDevUrl(String devUrl) {
        this.devUrl = devUrl;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    /** {@code <default>true</default>}: chosen when {@code -Dpgmigrate.env} is not given. */
    public void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    /** {@code transaction}, {@code session} or {@code none}; unset: guessed from the URL. */
    public void setPooler(String pooler) {
        this.pooler = pooler;
    }

    /** {@code <disposable>true</disposable>}: a scratch database that clean and reset may wipe without asking. */
    public void setDisposable(boolean disposable) {
        this.disposable = disposable;
    }

    /** {@code <protected>true</protected>}: never cleaned or reset; deploy to it always needs the typed confirmation. */
    public void setProtected(boolean isProtected) {
        this.isProtected = isProtected;
    }

    Environment toEnvironment() {
        return new Environment(name, url, user, password, serverId, revisionsSchema, devUrl, properties, isDefault,
                pooler, disposable, isProtected);
    }
}
