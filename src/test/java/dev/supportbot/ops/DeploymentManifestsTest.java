package dev.supportbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.config.ConfigFile;
import dev.supportbot.config.SupportbotConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container and Kubernetes files hold together: every YAML parses, every Kubernetes object fits Kubernetes'
 * schema strictly ({@link KubernetesSchema}), and the fields a working single-replica deployment depends on are
 * there and agree with each other and with the code.
 */
class DeploymentManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("manifests", "k8s");
    private static final KubernetesSchema SCHEMA = new KubernetesSchema();

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            iterator.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static List<Path> kubernetesFiles() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static JsonNode kind(String kind) throws IOException {
        for (Path file : kubernetesFiles()) {
            for (JsonNode document : documents(file)) {
                if (document.path("kind").asText().equals(kind)) {
                    return document;
                }
            }
        }
        throw new AssertionError("no " + kind + " under " + K8S);
    }

    private static JsonNode container() throws IOException {
        return kind("Deployment").at("/spec/template/spec/containers/0");
    }

    private static Map<String, String> env() throws IOException {
        return container().path("env").valueStream().collect(Collectors.toMap(
                variable -> variable.path("name").asText(), variable -> variable.path("value").asText()));
    }

    private static JsonNode volume(String name) throws IOException {
        return kind("Deployment").at("/spec/template/spec/volumes").valueStream()
                .filter(volume -> volume.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static String mountPath(String volume) throws IOException {
        return container().path("volumeMounts").valueStream().filter(mount -> mount.path("name").asText()
                .equals(volume)).findFirst().orElseThrow().path("mountPath").asText();
    }

    @Test
    void everyYamlFileUnderManifestsParses() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("manifests"))) {
            List<Path> yamls = files.filter(path -> path.toString().endsWith(".yaml")).toList();
            assertTrue(yamls.size() >= 9, yamls.toString());
            for (Path file : yamls) {
                assertFalse(documents(file).isEmpty(), file.toString());
            }
        }
    }

    @Test
    void everyKubernetesObjectFitsKubernetesSchemaWithNoUnknownFieldAndNoValueOfTheWrongType() throws IOException {
        Set<String> kinds = new TreeSet<>();
        for (Path file : kubernetesFiles()) {
            List<HasMetadata> objects = SCHEMA.read(Files.readString(file));
            assertFalse(objects.isEmpty(), file.toString());
            objects.forEach(object -> kinds.add(object.getKind()));
        }
        assertEquals(Set.of("ConfigMap", "Deployment", "PersistentVolumeClaim", "Secret", "Service"), kinds);
    }

    @Test
    void theSchemaCheckRejectsADeploymentWithAMisspelledFieldAWronglyTypedValueOrAKeyGivenTwice() throws IOException {
        String deployment = Files.readString(K8S.resolve("deployment.yaml"));
        SCHEMA.read(deployment);
        assertRejected(deployment, "readinessProbe:", "readynessProbe:", "readynessProbe");
        assertRejected(deployment, "mountPath: /tmp", "mountpath: /tmp", "mountpath");
        assertRejected(deployment, "replicas: 1", "replicas: one", "replicas");
        assertRejected(deployment, "containerPort: 3000", "containerPort: \"3000\"", "containerPort");
        assertRejected(deployment, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: \"true\"",
                "readOnlyRootFilesystem");
        assertRejected(deployment, "terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: [45]",
                "terminationGracePeriodSeconds");
        assertRejected(deployment, "replicas: 1", "replicas: 1\n  replicas: 2", "replicas");
        assertRejected(deployment, "kind: Deployment", "kind: Deploymnet", "Deploymnet");
    }

    /** {@code deployment} with {@code good} replaced by {@code broken} fails the schema check, naming {@code field}. */
    private static void assertRejected(String deployment, String good, String broken, String field) {
        assertTrue(deployment.contains(good), good);
        IOException rejected = assertThrows(IOException.class, () -> SCHEMA.read(deployment.replace(good, broken)),
                broken);
        assertTrue(rejected.getMessage().contains(field), rejected.getMessage());
    }

    @Test
    void theDeploymentRunsOneReplicaRecreatedNonRootOnAReadOnlyRootWithProbesAndLimits() throws IOException {
        JsonNode deployment = kind("Deployment");
        assertEquals(1, deployment.at("/spec/replicas").asInt());
        assertEquals("Recreate", deployment.at("/spec/strategy/type").asText());
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
        JsonNode container = container();
        assertEquals(OpsHttpServer.HEALTH_PATH, container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(OpsHttpServer.READY_PATH, container.at("/readinessProbe/httpGet/path").asText());
        for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory",
                "/resources/limits/cpu", "/resources/limits/memory")) {
            assertFalse(container.at(resource).asText().isEmpty(), resource);
        }
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("/tmp", mountPath("tmp"), "sqlite-jdbc needs a writable temp folder");
        assertFalse(volume("tmp").path("emptyDir").isMissingNode());
    }

    @Test
    void theVolumesNameTheClaimConfigMapsAndSecretThatExist() throws IOException {
        assertEquals(kind("PersistentVolumeClaim").at("/metadata/name").asText(),
                volume("data").at("/persistentVolumeClaim/claimName").asText());
        assertEquals(kind("ConfigMap").at("/metadata/name").asText(), volume("config").at("/configMap/name").asText());
        assertEquals(kind("Secret").at("/metadata/name").asText(), volume("secrets").at("/secret/secretName").asText());
        Set<String> secretKeys = new TreeSet<>();
        kind("Secret").path("stringData").fieldNames().forEachRemaining(secretKeys::add);
        String secretsDir = mountPath("secrets") + "/";
        env().forEach((name, value) -> {
            if (name.endsWith("_FILE")) {
                assertTrue(value.startsWith(secretsDir) && secretKeys.contains(value.substring(secretsDir.length())),
                        name + "=" + value + " is not a key of the Secret " + secretKeys);
            }
        });
    }

    @Test
    void theServiceSelectsThePodAndTargetsTheNamedPortTheProbesUse() throws IOException {
        JsonNode service = kind("Service");
        JsonNode labels = kind("Deployment").at("/spec/template/metadata/labels");
        service.path("spec").path("selector").properties().forEach(selector ->
                assertEquals(selector.getValue().asText(), labels.path(selector.getKey()).asText(), selector.getKey()));
        String port = service.at("/spec/ports/0/targetPort").asText();
        assertEquals(port, container().at("/ports/0/name").asText());
        assertEquals(port, container().at("/readinessProbe/httpGet/port").asText());
        assertEquals(container().at("/ports/0/containerPort").asInt(), 3000);
    }

    @Test
    void theConfigMapsConfigLoadsWithDataOnTheClaimAndProbesOnItsPortInBothModes(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("supportbot.yaml");
        Files.writeString(file, kind("ConfigMap").at("/data/supportbot.yaml").asText());
        SupportbotConfig http = ConfigFile.load(file, Map.of("SLACK_BOT_TOKEN", "xoxb-1"));
        SupportbotConfig socket = ConfigFile.load(file,
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));
        assertEquals(3000, http.opsPort());
        assertEquals(3000, socket.opsPort());
        assertEquals(Path.of(mountPath("data")), http.dataDir());
        assertEquals(Path.of(mountPath("knowledge")), http.knowledge().dir());
        assertEquals(mountPath("config") + "/supportbot.yaml", env().get("SUPPORTBOT_CONFIG"));
    }

    @Test
    void theKnowledgeVolumePlacesEveryFileOfTheKnowledgeFolder() throws IOException {
        Set<String> placed = volume("knowledge").at("/configMap/items").valueStream()
                .map(item -> item.path("path").asText()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> walk = Files.walk(Path.of("knowledge"))) {
            files = walk.filter(Files::isRegularFile).map(path -> Path.of("knowledge").relativize(path).toString()
                    .replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, placed, "add an item to the knowledge volume for each new file");
    }

    @Test
    void theContainerfileBuildsInTwoStagesAndRunsAsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Containerfile"));
        assertEquals(2, lines.stream().filter(line -> line.startsWith("FROM ")).count());
        assertTrue(lines.stream().anyMatch(line -> line.matches("FROM \\S+eclipse-temurin:2[1-9]-jre")), "a JRE 21+");
        String user = lines.stream().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last)
                .orElseThrow();
        assertFalse(user.contains("root") || user.equals("USER 0") || user.startsWith("USER 0:"), user);
    }
}
