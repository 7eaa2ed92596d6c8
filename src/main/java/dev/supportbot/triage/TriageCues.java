package dev.supportbot.triage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How customers talk, read from {@code knowledge/triage.yaml}: small talk, question forms, policy questions,
 * help requests, recovery, partial and total scope, hypothetical clauses, negation and infrastructure words.
 * Immutable.
 */
public record TriageCues(List<Pattern> smallTalk, int smallTalkMaxWords, List<Pattern> question,
                         List<Pattern> policyQuestion, List<Pattern> helpRequest, List<Pattern> recovered,
                         List<Pattern> partialScope, List<Pattern> totalScope, List<Pattern> hypothetical,
                         List<Pattern> negation, List<Pattern> infrastructure) {
    public static final String FILE_NAME = "triage.yaml";

    public TriageCues {
        if (smallTalkMaxWords < 1) {
            throw new IllegalArgumentException("small_talk_max_words must be at least 1, got " + smallTalkMaxWords);
        }
    }

    public static TriageCues load(Path knowledgeDir) {
        Path file = knowledgeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new PolicyException("triage cues file not found: " + file);
        }
        CuesFile cues;
        try {
            cues = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(file.toFile(), CuesFile.class);
        } catch (IOException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
        return new TriageCues(compile(file, "small_talk", cues.smallTalk()),
                cues.smallTalkMaxWords() == null ? 12 : cues.smallTalkMaxWords(),
                compile(file, "question", cues.question()),
                compile(file, "policy_question", cues.policyQuestion()),
                compile(file, "help_request", cues.helpRequest()),
                compile(file, "recovered", cues.recovered()),
                compile(file, "partial_scope", cues.partialScope()),
                compile(file, "total_scope", cues.totalScope()),
                compile(file, "hypothetical", cues.hypothetical()),
                compile(file, "negation", cues.negation()),
                compile(file, "infrastructure", cues.infrastructure()));
    }

    private static List<Pattern> compile(Path file, String key, List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes == null ? List.<String>of() : regexes) {
            try {
                patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new PolicyException(file + ": " + key + " has an invalid pattern: " + e.getDescription()
                        + " in '" + regex + "'", e);
            }
        }
        return List.copyOf(patterns);
    }

    private record CuesFile(@JsonProperty("small_talk") List<String> smallTalk,
                            @JsonProperty("small_talk_max_words") Integer smallTalkMaxWords,
                            List<String> question,
                            @JsonProperty("policy_question") List<String> policyQuestion,
                            @JsonProperty("help_request") List<String> helpRequest,
                            List<String> recovered,
                            @JsonProperty("partial_scope") List<String> partialScope,
                            @JsonProperty("total_scope") List<String> totalScope,
                            List<String> hypothetical,
                            List<String> negation,
                            List<String> infrastructure) {
    }
}
