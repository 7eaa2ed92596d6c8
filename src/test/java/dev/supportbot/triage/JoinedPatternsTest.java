package dev.supportbot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.policy.PatternList;
import dev.supportbot.policy.Policy;
import dev.supportbot.policy.ScopeTopic;
import dev.supportbot.policy.Severity;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-scan test of each list in knowledge/ says what the list's patterns one by one say, on real messages. */
class JoinedPatternsTest {
    private static final Path KNOWLEDGE = Path.of("knowledge");

    @Test
    void everyListOfTheShippedPolicyAndCuesAnswersAsItsPatternsDo() throws IOException {
        Map<String, PatternList> lists = lists();
        List<String> messages = messages(Path.of("src/test/resources/triage/paraphrases.jsonl"));
        int matches = 0;
        for (Map.Entry<String, PatternList> list : lists.entrySet()) {
            for (String message : messages) {
                boolean oneByOne = list.getValue().patterns().stream()
                        .anyMatch(pattern -> pattern.matcher(message).find());
                assertEquals(oneByOne, list.getValue().foundIn(message), list.getKey() + " on: " + message);
                matches += oneByOne ? 1 : 0;
            }
        }
        assertFalse(matches == 0, "the messages should match some lists");
    }

    @Test
    void eachPatternsScannerFindsTheSameMatchesAtTheSamePlaces() throws IOException {
        List<String> messages = messages(Path.of("src/test/resources/triage/paraphrases.jsonl"));
        Policy policy = Policy.load(KNOWLEDGE);
        int regrouped = 0;
        int matches = 0;
        for (Map.Entry<String, PatternList> list : lists().entrySet()) {
            for (int i = 0; i < list.getValue().patterns().size(); i++) {
                Pattern pattern = list.getValue().patterns().get(i);
                Pattern scanner = list.getValue().scanners().get(i);
                regrouped += scanner == pattern ? 0 : 1;
                for (String message : messages) {
                    List<String> expected = matches(pattern, message);
                    assertEquals(expected, matches(scanner, message), list.getKey() + " #" + i + " on: " + message);
                    matches += expected.size();
                }
            }
        }
        JsonNode stated = new ObjectMapper(new YAMLFactory()).readTree(KNOWLEDGE.resolve("policy.yaml").toFile())
                .path("stated_severity");
        for (Severity severity : Severity.values()) {
            Pattern original = Pattern.compile(stated.path(severity.name()).asText(), Pattern.CASE_INSENSITIVE);
            for (String message : messages) {
                assertEquals(matches(original, message), matches(policy.statedSeverity().get(severity), message),
                        "stated " + severity + " on: " + message);
            }
        }
        assertTrue(regrouped > 50, "most shipped patterns should be regrouped, were " + regrouped);
        assertFalse(matches == 0, "the messages should match some patterns");
    }

    /** Every match of the pattern, as its start and text, the way Reading walks them. */
    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + ":" + matcher.group());
        }
        return found;
    }

    private static Map<String, PatternList> lists() {
        Policy policy = Policy.load(KNOWLEDGE);
        Map<String, PatternList> lists = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            lists.put(severity + " signals", policy.level(severity).signals());
        }
        for (ScopeTopic topic : policy.scope().outOfScope()) {
            lists.put(topic.id() + " signals", topic.signals());
        }
        TriageCues cues = TriageCues.load(KNOWLEDGE);
        for (RecordComponent component : TriageCues.class.getRecordComponents()) {
            if (component.getType() == PatternList.class) {
                try {
                    lists.put(component.getName(), (PatternList) component.getAccessor().invoke(cues));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return lists;
    }

    private static List<String> messages(Path cases) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(cases)) {
            if (!line.isBlank()) {
                String text = json.readTree(line).path("text").asText();
                messages.add(text.toLowerCase(Locale.ROOT));
                messages.add(text);
            }
        }
        return messages;
    }
}
