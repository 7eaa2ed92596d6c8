package dev.supportbot.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects checked against Kubernetes' own schema, as fabric8's generated model (built from the
 * Kubernetes OpenAPI definitions) encodes it, and as strictly as {@code kubectl apply --validate=strict}: a field
 * the type does not have, a value of the wrong type (no "1" for an integer, no "yes" for a boolean), a key given
 * twice, or a kind we do not deploy, fails with Jackson's message naming the field's path. Immutable and
 * thread-safe.
 */
final class KubernetesSchema {
    /** What manifests/k8s may hold, by {@code apiVersion} and {@code kind}. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 PersistentVolumeClaim", PersistentVolumeClaim.class);

    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    private final ObjectMapper strict = JsonMapper.builder()
            .annotationIntrospector(new WithoutAnySetters())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** Every document of a YAML file, each checked; the first that does not fit throws. */
    List<HasMetadata> read(String yamlText) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(yamlText)) {
            for (JsonNode document : documents.readAll()) {
                objects.add(check(document));
            }
        }
        return objects;
    }

    private HasMetadata check(JsonNode document) throws IOException {
        String kind = document.path("apiVersion").asText() + " " + document.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IOException("no schema here for '" + kind + "'; known: " + KINDS.keySet());
        }
        return strict.treeToValue(document, type);
    }

    /**
     * fabric8's classes keep fields they do not know in an "additional properties" map (a Jackson any-setter);
     * without that map an unknown field is an error, as in the API server's strict field validation.
     */
    private static final class WithoutAnySetters extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
