package io.github.pgmigrate.deploy;

/** The steps of a deploy, in the order they run; a refused or failed step stops every step after it. */
public enum DeployStep {
    VALIDATE("validate"), LINT("lint"), STATUS("status"), PLAN("plan"), CONFIRMATION("confirmation"),
    APPLY("apply"), FINAL_STATUS("status after apply");

    private final String label;

    DeployStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
