package partnero.gateway.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.schema.model.Schema;
import partnero.gateway.web.GraphQLRequest;

/**
 * The {@link CompiledPlan}s of the documents the gateway has answered, by document text and
 * operation name. A document is compiled after graphql-java has parsed, validated, measured
 * against the limits and answered it completely once; from then on, requests with the same text
 * and operation name run by the plan. Kept in Caffeine, bounded by an estimate of their memory
 * ({@code partnero.compiled-plans.max-bytes}); documents a plan cannot cover are remembered as such.
 * <p>
 * Plans skip what SmallRye GraphQL does around graphql-java's execution, so they are used only
 * while none of it is switched on: tracing ({@code quarkus.otel.sdk.disabled=false}), SmallRye's
 * metrics, CDI events or payload logging, or leaving nulls out of answers.
 */
@ApplicationScoped
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMW", "com.github.benmanes.caffeine.cache.PSMW" },
        fields = true) // the cache and node classes this builder needs in the native executable (LocalCacheFactory)
class CompiledPlans {

    private static final Logger LOG = Logger.getLogger(CompiledPlans.class);
    /** A setting under which SmallRye may do more around an execution than a plan does: its default, and the value that lets plans run. */
    private record EngineSetting(String property, String unset, String plain) {
    }

    private static final List<EngineSetting> PLAIN_ENGINE = List.of(
            new EngineSetting("quarkus.otel.sdk.disabled", "false", "true"),
            new EngineSetting("quarkus.smallrye-graphql.metrics.enabled", "false", "false"),
            new EngineSetting("quarkus.smallrye-graphql.events.enabled", "false", "false"),
            new EngineSetting("quarkus.smallrye-graphql.log-payload", "off", "off"),
            new EngineSetting("quarkus.smallrye-graphql.exclude-null-fields-in-responses", "false", "false"));
    private static final String DESCRIPTION = "Requests run by a compiled plan (answered by it, or handed over to the GraphQL engine),"
            + " or by the engine because their document has no plan (with the reason)";
    /** What a document's plan is taken to weigh per character of its text: the text, its syntax tree, the plan's lookups. */
    private static final int BYTES_PER_CHARACTER = 24;

    /** A plan's key; equals and hashCode written out, as for every cache key (see {@code PartneroGraph.PageKey}). */
    private record PlanKey(String query, String operationName) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PlanKey document && query.equals(document.query)
                    && Objects.equals(operationName, document.operationName);
        }

        @Override
        public int hashCode() {
            return query.hashCode() * 31 + Objects.hashCode(operationName);
        }

        @Override
        public String toString() {
            return "PlanKey[" + operationName + "]";
        }
    }

    private final Cache<PlanKey, CompiledPlan.Compiled> plans;
    private final RootResolvers resolvers;
    private final EngineConfig.Limits limits;
    private final Counter answered;
    private final Counter handedOver;
    private final MeterRegistry metrics;
    private final Map<String, Counter> notCompiled = new ConcurrentHashMap<>();

    CompiledPlans(EngineConfig config, Instance<Schema> model, MeterRegistry metrics) {
        this.metrics = metrics;
        this.limits = config.limits();
        Optional<String> off = config.compiledPlans().enabled() ? engineDoesMore() : Optional.of("partnero.compiled-plans.enabled=false");
        if (off.isEmpty() && !model.isResolvable()) {
            off = Optional.of("SmallRye GraphQL's schema model is not available");
        }
        if (off.isPresent()) {
            LOG.debugf("Compiled plans are off: %s", off.get());
            this.plans = null;
            this.resolvers = null;
            this.answered = null;
            this.handedOver = null;
            return;
        }
        this.answered = planCounter(metrics, "answered");
        this.handedOver = planCounter(metrics, "handed-over");
        this.resolvers = new RootResolvers(model.get());
        this.plans = Caffeine.newBuilder()
                .maximumWeight(config.compiledPlans().maxBytes().asLongValue())
                .<PlanKey, CompiledPlan.Compiled> weigher((document, plan) -> document.query().length() * BYTES_PER_CHARACTER)
                .build();
    }

    /** Whether requests may run by plans at all. */
    boolean enabled() {
        return plans != null;
    }

    /**
     * The plan for this request's document, once there is one. A request whose document has none
     * because a plan cannot cover it (a nested field answered by a resolver, say) is counted as run
     * by the engine, with the reason.
     */
    Optional<CompiledPlan> find(GraphQLRequest request) {
        if (plans == null) {
            return Optional.empty();
        }
        CompiledPlan.Compiled compiled = plans.getIfPresent(new PlanKey(request.query(), request.operationName()));
        if (compiled == null) {
            return Optional.empty();
        }
        if (compiled.plan().isEmpty()) {
            notCompiled.computeIfAbsent(compiled.notCompiledBecause(), reason -> Counter.builder("graphql.compiled.plans")
                    .description(DESCRIPTION).tag("result", "not-compiled").tag("reason", reason).register(metrics)).increment();
        }
        return compiled.plan();
    }

    /** Compiles the request's document, if not done yet, from what graphql-java learnt running it completely. */
    void learn(GraphQLRequest request, RequestFacts facts) {
        if (plans == null || facts.operation() == null) {
            return;
        }
        plans.get(new PlanKey(request.query(), request.operationName()),
                document -> CompiledPlan.compile(facts.schema(), facts.operation(), facts.fragments(), resolvers, limits));
    }

    /** A request answered by its plan. */
    void countAnswered() {
        answered.increment();
    }

    /** A request its plan handed to the engine (an error to report, or a value the plan does not cover). */
    void countHandedOver(CompiledPlan plan, Throwable why) {
        handedOver.increment();
        LOG.debugf("Plan of %s handed over to the engine: %s", plan.operationName(), why);
    }

    /** How many requests plans answered, and handed over, since the start (for tests). */
    double answeredCount() {
        return answered == null ? 0 : answered.count();
    }

    double handedOverCount() {
        return handedOver == null ? 0 : handedOver.count();
    }

    private static Counter planCounter(MeterRegistry metrics, String result) {
        return Counter.builder("graphql.compiled.plans")
                .description(DESCRIPTION)
                .tag("result", result)
                .tag("reason", "none")
                .register(metrics);
    }

    /** Forgets every plan (tests compare an answer by plan with graphql-java's). */
    void clear() {
        if (plans != null) {
            plans.invalidateAll();
        }
    }

    /** The first setting under which SmallRye does more than a plan would; empty when there is none. */
    static Optional<String> engineDoesMore() {
        Config config = ConfigProvider.getConfig();
        for (EngineSetting setting : PLAIN_ENGINE) {
            String value = config.getOptionalValue(setting.property(), String.class).orElse(setting.unset());
            if (!value.equalsIgnoreCase(setting.plain())) {
                return Optional.of(setting.property() + "=" + value);
            }
        }
        return Optional.empty();
    }
}
