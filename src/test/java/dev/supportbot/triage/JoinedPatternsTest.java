package dev.supportbot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
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
