package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> EVENTS = Set.of("app_mention", "message.channels", "message.groups",
            "message.im", "app_home_opened");
    private static final Set<String> SCOPES = Set.of("app_mentions:read", "channels:history", "groups:history",
            "im:history", "chat:write", "commands", "users:read", "usergroups:read");

    private static Set<String> texts(JsonNode array, String field) {
        Set<String> values = new TreeSet<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.path(field).asText()));
        return values;
    }

    @Test
    void bothManifestsDeclareExactlyTheEventsScopesAndCommandsTheCodeHandles() throws Exception {
        for (String name : List.of("socket-mode.yaml", "http-mode.yaml")) {
            JsonNode manifest = YAML.readTree(Path.of("manifests", name).toFile());
            assertEquals(EVENTS, texts(manifest.at("/settings/event_subscriptions/bot_events"), null), name);
            assertEquals(SCOPES, texts(manifest.at("/oauth_config/scopes/bot"), null), name);
            assertEquals(Set.of(BoltRoutes.TICKET_COMMAND, BoltRoutes.SUPPORT_COMMAND),
                    texts(manifest.at("/features/slash_commands"), "command"), name);
            assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean(), name);
            assertTrue(manifest.at("/features/app_home/home_tab_enabled").asBoolean(), name);
        }
    }

    @Test
    void theHttpManifestPointsEverythingAtSlackEventsAndTheSocketManifestAtNoUrl() throws Exception {
        JsonNode http = YAML.readTree(Path.of("manifests", "http-mode.yaml").toFile());
        String url = "https://HOST" + SlackHttpServer.EVENTS_PATH;
        assertEquals(url, http.at("/settings/event_subscriptions/request_url").asText());
        assertEquals(url, http.at("/settings/interactivity/request_url").asText());
        assertEquals(Set.of(url), texts(http.at("/features/slash_commands"), "url"));
        assertEquals(false, http.at("/settings/socket_mode_enabled").asBoolean());
        JsonNode socket = YAML.readTree(Path.of("manifests", "socket-mode.yaml").toFile());
        assertTrue(socket.at("/settings/socket_mode_enabled").asBoolean());
        assertTrue(socket.toString().indexOf("https://") < 0, "a Socket Mode manifest has no request URLs");
    }

    @Test
    void theExampleWorkspaceConfigLoads() {
        WorkspaceConfig config = WorkspaceConfig.load(Path.of("manifests", "slack.example.yaml"));
        assertEquals("C0123TRIAGE", config.triageChannel());
        assertEquals("Acme Robotics", config.customerByChannel("C0123ACME").orElseThrow().organisation());
        assertEquals("U0123TAM", config.customerByTeam("T0123ACME").orElseThrow().tam().orElseThrow());
    }
}
