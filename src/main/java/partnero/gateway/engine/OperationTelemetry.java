package partnero.gateway.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.api.Context;
import partnero.gateway.request.GatewayRequest;

/**
 * One log line and one timer sample per GraphQL request: operation name, outcome, duration, the
 * number of Partnero calls it caused and its error codes. Nothing a client sent besides the
 * operation name is logged or tagged, and the name is a GraphQL name ({@code [_A-Za-z][_0-9A-Za-z]*}),
 * so it cannot carry an email or a key; its number of distinct values is capped in
 * {@link OperationNames}.
 */
@Singleton
@Named(ReloadSafeHooks.TELEMETRY)
public class OperationTelemetry extends AlwaysOnEventingService {

    static final String TIMER = "graphql.operations";
    private static final Logger LOG = Logger.getLogger("partnero.gateway.requests");
    /** When the request started, in the GraphQL context; set by the HTTP entry when a plan ran first, else here. */
    static final String STARTED = OperationTelemetry.class.getName() + ".started";
    /** The operation's {@link GatewayRequest}, in the GraphQL context; set by the HTTP entry. */
    static final String OPERATION = GatewayRequest.class.getName();
    private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

    private static volatile MeterRegistry registry;
    /** The timers by operation and outcome; bounded like the names the registry accepts ({@link OperationNames}). */
    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();
    private static final int MAX_TIMERS = 512;
    /**
     * The timer's histogram buckets, for percentiles across replicas (the p99 alert in
     * deploy/prometheus/alerts.yml): a few fixed bounds up to the upstream deadline, not Micrometer's
     * 70-odd percentile buckets, as every operation name and outcome has its own set.
     */
    private static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);
    static final String ERRORS = "graphql.errors";
    /** The error counters by code; codes are the gateway's and the engine's classifications, a few dozen at most. */
    private static final Map<String, Counter> ERROR_COUNTERS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecute(Context context) {
        graphQLContext(context).filter(graphql -> !graphql.hasKey(STARTED)).ifPresent(graphql -> graphql.put(STARTED, System.nanoTime()));
    }

    @Override
    public void afterExecute(Context context) {
        Optional<GraphQLContext> graphql = graphQLContext(context);
        Long started = graphql.map(g -> g.<Long> get(STARTED)).orElse(null);
        Duration duration = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        List<GraphQLError> errors = result == null ? List.of() : result.getErrors();
        String operation = operationName(context);
        String outcome = errors.isEmpty() ? "success" : result.getData() == null ? "error" : "partial";
        TreeSet<String> codes = new TreeSet<>();
        errors.forEach(error -> codes.add(code(error)));

        int attempts = graphql.map(g -> g.<GatewayRequest> get(OPERATION)).map(GatewayRequest::attempts).orElse(0);
        record(operation, outcome, duration, attempts, codes);
    }

    /** A request answered from the answer cache: the engine did not run, so it is recorded here. */
    static void recordCachedAnswer(String operation, Duration duration) {
        record(operation, "cached", duration, 0, Set.of());
    }

    /** A request answered by a {@link CompiledPlan}: the engine did not run, so it is recorded here. */
    static void recordPlannedAnswer(String operation, Duration duration, int upstreamCalls) {
        record(operation, "success", duration, upstreamCalls, Set.of());
    }

    /** A request refused before the engine (its document, its batch): recorded here with the error's code. */
    static void recordRefused(String operationName, String code, Duration duration) {
        record(loggedName(operationName), "error", duration, 0, Set.of(code));
    }

    private static void record(String operation, String outcome, Duration duration, int upstreamCalls, Set<String> codes) {
        // the registry would find the timer again from a new builder each time; a map lookup is cheaper
        String name = operation + '\u0000' + outcome;
        Timer timer = TIMERS.get(name);
        if (timer == null) {
            timer = Timer.builder(TIMER)
                    .description("GraphQL requests, by operation name and outcome")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry());
            if (TIMERS.size() < MAX_TIMERS) { // names come from clients: the map stays bounded
                TIMERS.put(name, timer);
            }
        }
        timer.record(duration);
        for (String code : codes) {
            ERROR_COUNTERS.computeIfAbsent(code, c -> Counter.builder(ERRORS)
                    .description("Errors in GraphQL answers, by extensions.code (or the engine's classification): one per code and request")
                    .tag("code", c)
                    .register(registry())).increment();
        }
        if (LOG.isInfoEnabled()) {
            // appended, not infof: java.util.Formatter parses its pattern and sets up number formatting
            // on every call (2.7 % of a cached answer's CPU in the native executable; docs/performance.md,
            // "Where the time goes"); the line is the same
            LOG.info(new StringBuilder(96).append("graphql operation=").append(operation).append(" outcome=").append(outcome)
                    .append(" duration_ms=").append(duration.toMillis()).append(" upstream_calls=").append(upstreamCalls)
                    .append(" errors=").append(codes).toString());
        }
    }

    /** The request's operationName, else the name of the document's only operation, else "anonymous". */
    private static String operationName(Context context) {
        return context.getOperationName()
                .or(() -> {
                    Document document = context.unwrap(Document.class);
                    List<OperationDefinition> operations = document == null ? List.of()
                            : document.getDefinitionsOfType(OperationDefinition.class);
                    return operations.size() == 1 ? Optional.ofNullable(operations.get(0).getName()) : Optional.empty();
                })
                .map(OperationTelemetry::loggedName)
                .orElse("anonymous");
    }

    /** The name as logged and tagged: a GraphQL name, else (it came from a client) "anonymous". */
    static String loggedName(String name) {
        return name != null && GRAPHQL_NAME.matcher(name).matches() ? name : "anonymous";
    }

    /** The gateway's code, else the engine's classification (e.g. ValidationError, InvalidSyntax). */
    private static String code(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        if (code != null) {
            return code.toString().replace("\"", "");
        }
        return Objects.toString(error.getErrorType(), "unknown");
    }

    private static Optional<GraphQLContext> graphQLContext(Context context) {
        graphql.ExecutionInput input = context.unwrap(graphql.ExecutionInput.class);
        return Optional.ofNullable(input).map(graphql.ExecutionInput::getGraphQLContext);
    }

    private static MeterRegistry registry() {
        MeterRegistry current = registry;
        if (current == null) {
            current = Arc.container().instance(MeterRegistry.class).get();
            registry = current;
        }
        return current;
    }
}
