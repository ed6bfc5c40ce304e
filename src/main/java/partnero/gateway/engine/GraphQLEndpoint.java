package partnero.gateway.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context.VariablesParser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import partnero.gateway.apikey.ApiKeyResolver;
import partnero.gateway.engine.AnswerStore.StoredAnswer;
import partnero.gateway.observability.UpstreamUse;
import partnero.gateway.web.GraphQLContentTypes;

/**
 * {@code GET} and {@code POST /graphql}: where a GraphQL request enters the gateway. It reads the
 * request ({@link GraphQLRequest}), answers a repeated one from the {@link AnswerCache} without running
 * anything, runs a document it has answered before by its {@link CompiledPlan}, and otherwise runs it
 * through SmallRye GraphQL's execution service exactly as Quarkus does, keeping the answer when it is
 * complete and learning the document's plan.
 * <p>
 * It stands in front of Quarkus' own handler (SmallRyeGraphQLExecutionHandler, 3.33), whose answers
 * cannot be kept (it writes them itself), and whose GET reading takes the operation name from the
 * {@code query} parameter and decodes parameters twice. Request scope, security identity and the
 * engine's per-request metadata come from Quarkus' {@link SmallRyeGraphQLAbstractHandler}, which this
 * handler extends; the body is read with Quarkus' size limit ({@code quarkus.http.limits.max-body-size},
 * 413 above it). With {@code quarkus.smallrye-graphql.http.get.enabled=false} GET stays Quarkus'
 * (405).
 */
@ApplicationScoped
class GraphQLEndpoint {

    /** After Quarkus' filters (CORS is at -300), before Quarkus' own route. */
    static final int ROUTE_ORDER = -1;

    void routes(@Observes Router router, CurrentVertxRequest currentRequest, Instance<CurrentIdentityAssociation> identities,
            AnswerCache answers, CompiledPlans plans, ApiKeyResolver keys) {
        Config config = ConfigProvider.getConfig();
        String path = "/" + config.getOptionalValue("quarkus.smallrye-graphql.root-path", String.class).orElse("graphql")
                .replaceFirst("^/+", "");
        long maxBody = config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        Handler handler = new Handler(identities.isResolvable() ? identities.get() : null, currentRequest, answers, plans, keys);
        router.post(path).order(ROUTE_ORDER)
                .handler(GraphQLContentTypes.CHECK) // browser safety first, before the body is read
                .handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .handler(handler);
        if (config.getOptionalValue("quarkus.smallrye-graphql.http.get.enabled", Boolean.class).orElse(false)) {
            router.get(path).order(ROUTE_ORDER).handler(handler);
        }
    }

    static final class Handler extends SmallRyeGraphQLAbstractHandler {

        private final AnswerCache answers;
        private final CompiledPlans plans;
        private final ApiKeyResolver keys;

        Handler(CurrentIdentityAssociation identity, CurrentVertxRequest currentRequest, AnswerCache answers,
                CompiledPlans plans, ApiKeyResolver keys) {
            super(identity, currentRequest, false);
            this.answers = answers;
            this.plans = plans;
            this.keys = keys;
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            long started = System.nanoTime();
            Optional<String> mediaType = ResponseMediaType.negotiate(ctx.parsedHeaders().accept());
            if (mediaType.isEmpty()) {
                ctx.response().setStatusCode(406).end();
                return;
            }
            GraphQLRequest request;
            try {
                request = ctx.request().method() == HttpMethod.GET ? GraphQLRequest.fromUrl(ctx) : GraphQLRequest.fromBody(ctx);
            } catch (GraphQLRequest.BadRequest e) {
                badRequest(ctx, e.getMessage());
                return;
            }
            Optional<String> key = answers.keyOf(request, keys.keyOf(ctx.request()));
            Optional<StoredAnswer> stored = key.flatMap(answers::get);
            if (stored.isPresent()) {
                write(ctx, mediaType.get(), Buffer.buffer(stored.get().body()));
                OperationTelemetry.recordCachedAnswer(stored.get().operationName(), Duration.ofNanos(System.nanoTime() - started));
                return;
            }
            Optional<CompiledPlan> plan = plans.find(request);
            if (plan.isPresent()) {
                runPlan(ctx, plan.get(), request, mediaType.get(), key, started);
            } else {
                runEngine(ctx, request, mediaType.get(), key, null);
            }
        }

        /**
         * Answers by the document's compiled plan; whenever it gives up (an error to report, a value
         * it does not cover), hands the request to the engine, on the request's own Vert.x and CDI
         * contexts, where Partnero's outcome so far is reused, not asked again.
         */
        private void runPlan(RoutingContext ctx, CompiledPlan plan, GraphQLRequest request, String mediaType,
                Optional<String> key, long started) {
            UpstreamUse.start();
            Context vertxContext = Vertx.currentContext();
            ManagedContext requestContext = Arc.container().requestContext();
            InjectableContext.ContextState requestState = requestContext.getState();
            Map<String, Object> variables = request.variables() == null ? Map.of()
                    : VariablesParser.toMap(request.variables()).orElse(Map.of());
            plan.run(variables).subscribe().with(
                    body -> onContext(vertxContext, () -> {
                        plans.countAnswered();
                        key.ifPresent(k -> answers.keep(k, plan.operationName(), body, UpstreamUse.oldestDataMillis()));
                        write(ctx, mediaType, Buffer.buffer(body));
                        OperationTelemetry.recordPlannedAnswer(plan.operationName(), Duration.ofNanos(System.nanoTime() - started));
                    }),
                    failure -> onContext(vertxContext, () -> {
                        plans.countHandedOver(plan, failure);
                        boolean activated = !requestContext.isActive();
                        if (activated) {
                            requestContext.activate(requestState);
                        }
                        try {
                            runEngine(ctx, request, mediaType, key, started); // the log line times the whole request
                        } finally {
                            if (activated) {
                                requestContext.deactivate();
                            }
                        }
                    }));
        }

        private static void onContext(Context context, Runnable action) {
            if (context == null || Vertx.currentContext() == context) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }

        /** Runs the request through SmallRye GraphQL and graphql-java, keeping a complete answer and learning its plan. */
        private void runEngine(RoutingContext ctx, GraphQLRequest request, String mediaType, Optional<String> key, Long started) {
            RequestFacts facts = new RequestFacts();
            Map<String, Object> metadata = getMetaData(ctx);
            metadata.put(RequestFacts.KEY, facts);
            if (started != null) {
                metadata.put(OperationTelemetry.STARTED, started);
            }
            getExecutionService().executeAsync(request.toExecutionInput(), metadata, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    byte[] body = response.getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
                    key.ifPresent(k -> answers.keepIfComplete(k, facts, response.getExecutionResult(), body,
                            UpstreamUse.oldestDataMillis()));
                    if (facts.cacheable() && response.getExecutionResult().getErrors().isEmpty()) {
                        plans.learn(request, facts);
                    }
                    // GraphQL over HTTP: a request error (nothing executed, so no "data") is a 400 in the
                    // GraphQL response media type; application/json answers every well-formed request 200.
                    int status = !response.getExecutionResult().isDataPresent()
                            && mediaType.startsWith(ResponseMediaType.GRAPHQL_RESPONSE) ? 400 : 200;
                    Handler.write(ctx, status, mediaType, Buffer.buffer(body));
                }

                @Override
                public void fail(Throwable failure) {
                    ctx.fail(failure);
                }
            });
        }

        private static void write(RoutingContext ctx, String mediaType, Buffer body) {
            write(ctx, 200, mediaType, body);
        }

        private static void write(RoutingContext ctx, int status, String mediaType, Buffer body) {
            if (ctx.response().ended()) {
                return; // the client went away, or the request was already answered
            }
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, mediaType).end(body);
        }

        private static void badRequest(RoutingContext ctx, String message) {
            JsonObject error = new JsonObject().put("message", message);
            ctx.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
        }
    }

    /**
     * The answer's media type from the request's {@code Accept}: the first served type in the
     * client's order; {@code application/json} for a client that names none ({@code *}{@code /*} or
     * no {@code Accept}), as the GraphQL-over-HTTP specification asks while clients move to
     * {@code application/graphql-response+json}.
     */
    static final class ResponseMediaType {

        static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
        static final String JSON = "application/json";
        private static final List<String> SERVED = List.of(GRAPHQL_RESPONSE, JSON,
                "application/graphql+json"); // the last is a draft name Quarkus still serves

        private ResponseMediaType() {
        }

        /** The first acceptable type in the client's order of preference; empty (406) when none is. */
        static Optional<String> negotiate(List<MIMEHeader> accept) {
            if (accept == null || accept.isEmpty()) {
                return Optional.of(withCharset(JSON));
            }
            for (MIMEHeader range : accept) {
                String type = range.value().strip().toLowerCase(Locale.ROOT); // without its parameters
                if (SERVED.contains(type)) {
                    return Optional.of(withCharset(type));
                }
                if (type.equals("*/*") || type.equals("application/*")) {
                    return Optional.of(withCharset(JSON));
                }
            }
            return Optional.empty();
        }

        private static String withCharset(String type) {
            return type + "; charset=UTF-8";
        }
    }
}
