package dev.supportbot.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The support policy read from {@code knowledge/policy.yaml}: severity levels with their targets and signals,
 * the phrases that state a severity, and the support scope. Immutable and safe to share between threads.
 */
public final class Policy {
    public static final String FILE_NAME = "policy.yaml";

    private final Map<Severity, SeverityLevel> levels;
    private final Map<Severity, Pattern> statedSeverity;
    private final Scope scope;

    public Policy(Map<Severity, SeverityLevel> levels, Map<Severity, Pattern> statedSeverity, Scope scope) {
        for (Severity severity : Severity.values()) {
            if (!levels.containsKey(severity)) {
                throw new PolicyException("policy has no level for " + severity);
            }
        }
        this.levels = Map.copyOf(levels);
        this.statedSeverity = Map.copyOf(statedSeverity);
        this.scope = scope;
    }

    /** Reads {@code policy.yaml} from a knowledge directory. */
    public static Policy load(Path knowledgeDir) {
        Path file = knowledgeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new PolicyException("policy file not found: " + file);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        PolicyFile parsed;
        try {
            parsed = yaml.readValue(file.toFile(), PolicyFile.class);
        } catch (IOException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
        return parsed.toPolicy(file);
    }

    public SeverityLevel level(Severity severity) {
        return levels.get(severity);
    }

    public Duration initialResponse(Severity severity) {
        return levels.get(severity).initialResponse();
    }

    /** The levels from most to least severe. */
    public List<SeverityLevel> levels() {
        List<SeverityLevel> ordered = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            ordered.add(levels.get(severity));
        }
        return ordered;
    }

    /** Pattern that finds a severity stated in a message ("sev1", "P2", "severity 3"). */
    public Map<Severity, Pattern> statedSeverity() {
        return statedSeverity;
    }

    public Scope scope() {
        return scope;
    }

    static Pattern compile(Path file, String key, String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new PolicyException(file + ": " + key + " has an invalid pattern: " + e.getDescription()
                    + " in '" + regex + "'", e);
        }
    }

    private record PolicyFile(List<LevelEntry> severities,
                              @JsonProperty("stated_severity") Map<String, String> statedSeverity,
                              ScopeEntry scope) {
        Policy toPolicy(Path file) {
            if (severities == null || severities.isEmpty()) {
                throw new PolicyException(file + ": severities is missing or empty");
            }
            Map<Severity, SeverityLevel> levels = new EnumMap<>(Severity.class);
            for (LevelEntry entry : severities) {
                Severity severity = parseSeverity(file, "severities[].id", entry.id());
                Duration target;
                try {
                    target = Duration.parse(entry.initialResponse());
                } catch (DateTimeParseException | NullPointerException e) {
                    throw new PolicyException(file + ": severities." + entry.id() + ".initial_response must be an"
                            + " ISO-8601 duration such as PT4H, got '" + entry.initialResponse() + "'", e);
                }
                try {
                    levels.put(severity, new SeverityLevel(severity, entry.name(), entry.definition(), target,
                            entry.examples(), PatternList.compile(file, "severities." + entry.id() + ".signals",
                            entry.signals())));
                } catch (IllegalArgumentException e) {
                    throw new PolicyException(file + ": " + e.getMessage(), e);
                }
            }
            Map<Severity, Pattern> stated = new EnumMap<>(Severity.class);
            if (statedSeverity != null) {
                statedSeverity.forEach((id, regex) -> stated.put(parseSeverity(file, "stated_severity", id),
                        PatternList.scanner(compile(file, "stated_severity." + id, regex))));
            }
            if (scope == null) {
                throw new PolicyException(file + ": scope is missing");
            }
            return new Policy(levels, stated, scope.toScope(file));
        }

        private static Severity parseSeverity(Path file, String key, String id) {
            try {
                return Severity.valueOf(id);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new PolicyException(file + ": " + key + " '" + id
                        + "' is not one of SEV1, SEV2, SEV3, SERVICE_REQUEST", e);
            }
        }
    }

    private record LevelEntry(String id, String name, @JsonProperty("initial_response") String initialResponse,
                              String definition, List<String> examples, List<String> signals) {
    }

    private record ScopeEntry(String section, @JsonProperty("in_scope") List<Scope.InScopeArea> inScope,
                              @JsonProperty("best_effort") String bestEffort,
                              @JsonProperty("out_of_scope") List<TopicEntry> outOfScope) {
        Scope toScope(Path file) {
            List<ScopeTopic> topics = new ArrayList<>();
            if (outOfScope != null) {
                for (TopicEntry topic : outOfScope) {
                    topics.add(new ScopeTopic(topic.id(), topic.label(),
                            PatternList.compile(file, "scope.out_of_scope." + topic.id() + ".signals", topic.signals()),
                            Boolean.TRUE.equals(topic.yieldsToInfrastructure())));
                }
            }
            try {
                return new Scope(section, inScope, bestEffort, topics);
            } catch (IllegalArgumentException e) {
                throw new PolicyException(file + ": " + e.getMessage(), e);
            }
        }
    }

    private record TopicEntry(String id, String label, List<String> signals,
                              @JsonProperty("yields_to_infrastructure") Boolean yieldsToInfrastructure) {
    }
}
