package dev.supportbot.policy;

import java.util.Locale;

/**
 * The closed set of ticket severities. Their names, definitions and targets are data in
 * {@code knowledge/policy.yaml}; only the identities live in code.
 */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SERVICE_REQUEST;

    /** Parses the forms people and commands use: {@code SEV1}, {@code sev2}, {@code 3}, {@code sr}. */
    public static Severity parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace("-", "_").replace(" ", "_");
        return switch (key) {
            case "SEV1", "1", "S1", "P1" -> SEV1;
            case "SEV2", "2", "S2", "P2" -> SEV2;
            case "SEV3", "3", "S3", "P3" -> SEV3;
            case "SERVICE_REQUEST", "SR", "REQUEST" -> SERVICE_REQUEST;
            default -> throw new IllegalArgumentException(
                    "unknown severity '" + text + "': expected one of 1, 2, 3, sr (or SEV1, SEV2, SEV3, SERVICE_REQUEST)");
        };
    }

    /** Short label for cards and lists: {@code SEV1}, {@code SR}. */
    public String label() {
        return this == SERVICE_REQUEST ? "SR" : name();
    }
}
