package partnero.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests committed in {@code deploy/kubernetes/kubernetes.yml} are those the build
 * generates ({@code quarkus.kubernetes.*} in application.properties, plus src/main/kubernetes/): an
 * {@code *IT}, so that failsafe runs it after {@code package} has written target/kubernetes/. Compared
 * as Kubernetes reads them, resource by resource: the extension writes a map's keys in no fixed order
 * from one build to the next (labels, for one), so the bytes may differ where the manifests do not.
 */
class KubernetesManifestsIT {

    static final Path COMMITTED = Path.of("deploy/kubernetes/kubernetes.yml");
    static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");

    @Test
    void theCommittedManifestsAreThoseTheBuildGenerates() throws IOException {
        Map<String, JsonNode> generated = resources(GENERATED);
        Map<String, JsonNode> committed = resources(COMMITTED);

        String fix = " (after a change of quarkus.kubernetes.* or src/main/kubernetes/: cp " + GENERATED + " " + COMMITTED + ")";
        assertEquals(generated.keySet(), committed.keySet(), "the resources" + fix);
        generated.forEach((resource, manifest) -> assertEquals(manifest, committed.get(resource), resource + fix));
    }

    @Test
    void theApiKeyAndRedisComeFromTheSecretNeverInClearText() throws IOException {
        JsonNode container = gatewayContainer();

        assertEquals("partnero-gateway", container.at("/envFrom/0/secretRef/name").asText());
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            assertFalse(name.equals("PARTNERO_API_KEY") || name.equals("QUARKUS_REDIS_HOSTS"), name + " in clear text");
        }
    }

    @Test
    void readinessAndLivenessAreTheHealthEndpoints() throws IOException {
        JsonNode container = gatewayContainer();

        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
    }

    private static JsonNode gatewayContainer() throws IOException {
        return resources(COMMITTED).get("Deployment/partnero-graphql-gateway").at("/spec/template/spec/containers/0");
    }

    /** The manifests of a file by kind and name. */
    private static Map<String, JsonNode> resources(Path file) throws IOException {
        assertTrue(Files.exists(file), file + " exists (written by ./mvnw package)");
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode manifest = documents.next();
                if (manifest != null && !manifest.isEmpty()) {
                    resources.put(manifest.path("kind").asText() + "/" + manifest.at("/metadata/name").asText(), manifest);
                }
            }
        }
        return resources;
    }
}
