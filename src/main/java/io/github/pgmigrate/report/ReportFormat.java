package io.github.pgmigrate.report;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

    /** The {@code formats} parameter: comma-separated ids, or {@code none} (or nothing) for no report files. */
    public static List<ReportFormat> parseList(String formats) throws ConfigurationException {
        List<ReportFormat> result = new ArrayList<>();
        if (formats == null || formats.isBlank() || formats.trim().equalsIgnoreCase("none")) {
            return result;
        }
        for (String name : formats.split(",")) {
            if (!name.isBlank()) {
                result.add(Arrays.stream(values()).filter(format -> format.id().equalsIgnoreCase(name.trim()))
                        .findFirst().orElseThrow(() -> new ConfigurationException("formats", name.trim(),
                                "is not one of json, sarif, junit", "list any of them comma-separated, or none")));
            }
        }
        return result;
    }
}
