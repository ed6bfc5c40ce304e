package partnero.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.http.ContentType;

/**
 * Two packaged gateways ({@link PackagedGateway}) sharing one real {@link RedisServer}, with a
 * {@link PartneroStub} playing Partnero, as two replicas behind a load balancer: started once before
 * the class's tests, stopped after them. Registered as a static field:
 * {@code @RegisterExtension static final TwoReplicas replicas = new TwoReplicas("server-key-x", "partnero.cache.ttl=1ms");}.
 * The class also carries {@link RequiresRedisServer}.
 */
public final class TwoReplicas implements BeforeAllCallback, AfterAllCallback {

    private final String serverKey;
    private final List<String> settings;
    private RedisServer redis;
    private PartneroStub partnero;
    private PackagedGateway first;
    private PackagedGateway second;

    /** Both replicas get Partnero's URL, {@code serverKey} and the Redis backend, then these settings ({@code name=value}). */
    public TwoReplicas(String serverKey, String... settings) {
        this.serverKey = serverKey;
        this.settings = List.of(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = RedisServer.start();
        partnero = PartneroStub.started();
        List<String> all = new ArrayList<>(List.of("partnero.api.url=" + partnero.baseUrl() + "/v1",
                "partnero.api.key=" + serverKey, "partnero.cache.backend=redis", "quarkus.redis.hosts=" + redis.uri()));
        all.addAll(settings);
        first = PackagedGateway.launch(all.toArray(String[]::new));
        second = PackagedGateway.launch(all.toArray(String[]::new));
        first.awaitReady();
        second.awaitReady();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (PackagedGateway running : new PackagedGateway[] { first, second }) {
            if (running != null) {
                running.stop();
            }
        }
        if (partnero != null) {
            partnero.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    /** Sends {@code query} to each replica once, as a client of its own: their first request is slow. */
    public void warmUp(String query) {
        for (PackagedGateway replica : both()) {
            given().baseUri(replica.baseUri().toString()).header("Authorization", "Bearer warm-up-key").contentType(ContentType.JSON)
                    .body(Map.of("query", query)).post("/graphql").then().statusCode(200);
        }
    }

    public RedisServer redis() {
        return redis;
    }

    public PartneroStub partnero() {
        return partnero;
    }

    public PackagedGateway first() {
        return first;
    }

    public PackagedGateway second() {
        return second;
    }

    /** The first, then the second. */
    public List<PackagedGateway> both() {
        return List.of(first, second);
    }
}
