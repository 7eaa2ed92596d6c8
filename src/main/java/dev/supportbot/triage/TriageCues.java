package dev.supportbot.triage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.policy.PatternList;
import dev.supportbot.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How customers talk, read from {@code knowledge/triage.yaml}: small talk, question forms, policy questions,
 * help requests, recovery, partial and total scope, hypothetical clauses, negation and infrastructure words.
 * Immutable.
 */
public record TriageCues(PatternList smallTalk, int smallTalkMaxWords, PatternList question,
                         PatternList policyQuestion, PatternList helpRequest, PatternList recovered,
                         PatternList partialScope, PatternList totalScope, PatternList hypothetical,
                         PatternList negation, PatternList infrastructure) {
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
        return new TriageCues(PatternList.compile(file, "small_talk", cues.smallTalk()),
                cues.smallTalkMaxWords() == null ? 12 : cues.smallTalkMaxWords(),
                PatternList.compile(file, "question", cues.question()),
                PatternList.compile(file, "policy_question", cues.policyQuestion()),
                PatternList.compile(file, "help_request", cues.helpRequest()),
                PatternList.compile(file, "recovered", cues.recovered()),
                PatternList.compile(file, "partial_scope", cues.partialScope()),
                PatternList.compile(file, "total_scope", cues.totalScope()),
                PatternList.compile(file, "hypothetical", cues.hypothetical()),
                PatternList.compile(file, "negation", cues.negation()),
                PatternList.compile(file, "infrastructure", cues.infrastructure()));
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
