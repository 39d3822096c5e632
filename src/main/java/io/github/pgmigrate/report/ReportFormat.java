package io.github.pgmigrate.report;

import java.util.Locale;
import java.util.Optional;

/** The report files a lint run can write. */
public enum ReportFormat {
    JSON("lint.json"),
    SARIF("lint.sarif"),
    JUNIT("TEST-pgmigrate.lint.xml");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> parse(String text) {
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(text.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
