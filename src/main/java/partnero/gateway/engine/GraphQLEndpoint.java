package partnero.gateway.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExecutionResult;
import graphql.schema.GraphQLSchema;
import io.netty.buffer.Unpooled;
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
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import partnero.gateway.answers.AnswerCache;
import partnero.gateway.answers.AnswerStore.StoredAnswer;
import partnero.gateway.answers.StaleAnswers;
import partnero.gateway.apikey.ApiKeyResolver;
import partnero.gateway.documents.PersistedDocuments;
import partnero.gateway.documents.PersistedDocuments.Refused;
import partnero.gateway.documents.PersistedDocuments.Resolution;
import partnero.gateway.documents.PersistedDocuments.Run;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.request.CurrentRequest;
import partnero.gateway.request.GatewayRequest;
import partnero.gateway.request.GatewayRequest.Stale;
import partnero.gateway.web.GraphQLContentTypes;
import partnero.gateway.web.GraphQLRequest;
import partnero.gateway.web.RequestBodyDeadline;
import partnero.gateway.web.ResponseMediaType;
import partnero.gateway.web.HttpCaching;

/**
 * {@code GET} and {@code POST /graphql}: where a GraphQL request enters the gateway. It reads the
 * request ({@link GraphQLRequest}; a POST may carry a batch of them), settles which document it runs
 * ({@link PersistedDocuments}: the one sent, or the one named by hash, or none), answers a repeated
 * one from the {@link AnswerCache} without running anything, runs a document it has answered before
 * by its {@link CompiledPlan}, and otherwise runs it through SmallRye GraphQL's execution service
 * exactly as Quarkus does, keeping the answer when it is complete and learning the document's plan.
 * The answer's status follows GraphQL over HTTP, its caching headers {@link HttpCaching}.
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
            AnswerCache answers, CompiledPlans plans, ApiKeyResolver keys, PersistedDocuments documents, HttpCaching caching,
            StaleAnswers stale, CurrentRequest operations, EngineConfig gateway) {
        Config config = ConfigProvider.getConfig();
        String path = "/" + config.getOptionalValue("quarkus.smallrye-graphql.root-path", String.class).orElse("graphql")
                .replaceFirst("^/+", "");
        long maxBody = config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        Handler handler = new Handler(identities.isResolvable() ? identities.get() : null, currentRequest, answers, plans, keys,
                documents, caching, stale, operations, gateway);
        router.post(path).order(ROUTE_ORDER)
                .handler(RequestBodyDeadline.arm(gateway.limits().bodyTimeout()))
                .handler(GraphQLContentTypes.CHECK) // browser safety first, before the body is read
                .handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .handler(RequestBodyDeadline.DISARM)
                .handler(handler)
                .failureHandler(RequestBodyDeadline.CLOSED_QUIETLY);
        if (config.getOptionalValue("quarkus.smallrye-graphql.http.get.enabled", Boolean.class).orElse(false)) {
            router.get(path).order(ROUTE_ORDER).handler(handler);
        }
    }

    static final class Handler extends SmallRyeGraphQLAbstractHandler {

        private final AnswerCache answers;
        private final CompiledPlans plans;
        private final ApiKeyResolver keys;
        private final CurrentRequest operations;
        private final PersistedDocuments documents;
        private final HttpCaching caching;
        private final StaleAnswers stale;
        private final int maxBatch;
        private final int maxUpstreamCalls;
        private final int maxFragments;

        Handler(CurrentIdentityAssociation identity, CurrentVertxRequest currentRequest, AnswerCache answers,
                CompiledPlans plans, ApiKeyResolver keys, PersistedDocuments documents, HttpCaching caching, StaleAnswers stale,
                CurrentRequest operations, EngineConfig config) {
            super(identity, currentRequest, false);
            this.answers = answers;
            this.plans = plans;
            this.keys = keys;
            this.operations = operations;
            this.documents = documents;
            this.caching = caching;
            this.stale = stale;
            this.maxBatch = config.batching().maxOperations();
            this.maxUpstreamCalls = config.limits().maxUpstreamCalls();
            this.maxFragments = config.limits().maxFragments();
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            long started = System.nanoTime();
            Optional<String> mediaType = ResponseMediaType.negotiate(ctx.parsedHeaders().accept());
            if (mediaType.isEmpty()) {
                ctx.response().setStatusCode(406).end();
                return;
            }
            boolean get = ctx.request().method() == HttpMethod.GET;
            if (!get && GraphQLRequest.isBatch(ctx)) {
                runBatch(ctx, mediaType.get(), started);
                return;
            }
            GraphQLRequest request;
            try {
                request = get ? GraphQLRequest.fromUrl(ctx) : GraphQLRequest.fromBody(ctx);
            } catch (GraphQLRequest.BadRequest e) {
                write(ctx, get, mediaType.get(), Answer.error(null, e.getMessage(), Answer.Kind.BAD_REQUEST));
                return;
            }
            answer(ctx, request, started, answer -> write(ctx, get, mediaType.get(), answer));
        }

        /** Answers one request, alone or in a batch, and hands the answer to {@code done} on the request's context. */
        private void answer(RoutingContext ctx, GraphQLRequest sent, long started, Consumer<Answer> done) {
            Resolution resolution = documents.resolve(sent.query(), sent.persistedHash());
            if (resolution instanceof Refused refused && refused.code() == ErrorCode.PERSISTED_QUERY_NOT_FOUND) {
                // perhaps another replica was sent the document
                resume(documents.recall(sent.persistedHash()), recalled -> answer(ctx, sent, started,
                        recalled ? documents.resolve(sent.query(), sent.persistedHash()) : resolution, done));
                return;
            }
            answer(ctx, sent, started, resolution, done);
        }

        private void answer(RoutingContext ctx, GraphQLRequest sent, long started, Resolution resolution, Consumer<Answer> done) {
            if (resolution instanceof Refused refused) {
                OperationTelemetry.recordRefused(sent.operationName(), refused.code().name(), Duration.ofNanos(System.nanoTime() - started));
                done.accept(Answer.refused(refused));
                return;
            }
            Run run = (Run) resolution;
            GraphQLRequest request = sent.withQuery(run.document());
            Consumer<Answer> then = run.rememberAs().isEmpty() ? done : answer -> {
                if (answer.kind() == Answer.Kind.COMPLETE || answer.kind() == Answer.Kind.RAN) {
                    documents.remember(run.rememberAs().get(), run.document()); // a document that parses and validates
                }
                done.accept(answer);
            };
            // the operation's state, its Partnero key resolved once, here; the resolvers find it in CurrentRequest
            GatewayRequest operation = new GatewayRequest(keys.keyOf(ctx.request()));
            operations.begin(operation);
            Optional<String> key = answers.keyOf(request, operation.keyIfAny());
            Optional<StoredAnswer> stored = key.flatMap(answers::get);
            Consumer<Answer> ran = key.isEmpty() ? then : standInOnFailure(key.get(), operation, then);
            if (stored.isPresent()) {
                answerStored(stored.get(), started, then);
            } else if (key.isPresent() && answers.shared()) {
                resume(answers.getShared(key.get()), shared -> {
                    if (shared != null) {
                        answerStored(shared, started, then);
                    } else {
                        run(ctx, request, operation, key, started, ran);
                    }
                });
            } else {
                run(ctx, request, operation, key, started, ran);
            }
        }

        /**
         * An answer that is not complete because a call failed on Partnero's trouble with no stale data
         * to stand in for it, replaced by the answer this replica last gave to the same request, when
         * that is within stale-if-error ({@link AnswerCache#standIn}), marked stale: a replica that
         * answered from another's shared answer holds no data of its own to be stale with.
         */
        private Consumer<Answer> standInOnFailure(String key, GatewayRequest operation, Consumer<Answer> done) {
            return answer -> {
                Optional<String> failed = answer.kind() == Answer.Kind.COMPLETE ? Optional.empty() : operation.failedWithoutStaleData();
                Optional<StoredAnswer> standIn = failed.flatMap(reason -> answers.standIn(key));
                if (standIn.isEmpty()) {
                    done.accept(answer);
                    return;
                }
                long ageSeconds = Math.max(0, (System.currentTimeMillis() - answers.fetchedAtMillis(standIn.get())) / 1000);
                done.accept(new Answer(stale.mark(standIn.get().body(), new Stale(failed.get(), ageSeconds)), Answer.Kind.RAN, 0));
            };
        }

        private static void answerStored(StoredAnswer stored, long started, Consumer<Answer> done) {
            OperationTelemetry.recordCachedAnswer(stored.operationName(), Duration.ofNanos(System.nanoTime() - started));
            done.accept(new Answer(stored.body(), Answer.Kind.COMPLETE, stored.expiresAtMillis()));
        }

        /** Runs a request no cache answered: by its compiled plan if it has one, else through the engine. */
        private void run(RoutingContext ctx, GraphQLRequest request, GatewayRequest operation, Optional<String> key, long started,
                Consumer<Answer> done) {
            Optional<CompiledPlan> plan = plans.find(request);
            if (plan.isPresent()) {
                runPlan(ctx, plan.get(), request, operation, key, started, done);
            } else {
                runEngine(ctx, request, operation, key, null, done);
            }
        }

        /**
         * Goes on with {@code then} once {@code pending} has its item, on the request's own Vert.x context
         * and with its CDI request context active (where its request-scoped state lives).
         */
        private static <T> void resume(Uni<T> pending, Consumer<T> then) {
            Context vertxContext = Vertx.currentContext();
            ManagedContext requestContext = Arc.container().requestContext();
            InjectableContext.ContextState requestState = requestContext.getState();
            pending.subscribe().with(item -> onContext(vertxContext, () -> inRequest(requestContext, requestState, () -> then.accept(item))));
        }

        private static void inRequest(ManagedContext requestContext, InjectableContext.ContextState requestState, Runnable action) {
            boolean activated = !requestContext.isActive();
            if (activated) {
                requestContext.activate(requestState);
            }
            try {
                action.run();
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
        }

        /**
         * Answers by the document's compiled plan; whenever it gives up (an error to report, a value
         * it does not cover), hands the request to the engine, on the request's own Vert.x and CDI
         * contexts, where Partnero's outcome so far is reused, not asked again.
         */
        private void runPlan(RoutingContext ctx, CompiledPlan plan, GraphQLRequest request, GatewayRequest operation,
                Optional<String> key, long started, Consumer<Answer> done) {
            Context vertxContext = Vertx.currentContext();
            ManagedContext requestContext = Arc.container().requestContext();
            InjectableContext.ContextState requestState = requestContext.getState();
            Map<String, Object> variables = request.variables() == null ? Map.of()
                    : VariablesParser.toMap(request.variables()).orElse(Map.of());
            plan.run(variables, operation).subscribe().with(
                    body -> onContext(vertxContext, () -> {
                        plans.countAnswered();
                        OperationTelemetry.recordPlannedAnswer(plan.operationName(), Duration.ofNanos(System.nanoTime() - started),
                                operation.attempts());
                        Optional<Stale> staleData = operation.stale();
                        if (staleData.isPresent()) {
                            done.accept(new Answer(stale.mark(body, staleData.get()), Answer.Kind.RAN, 0));
                            return;
                        }
                        key.ifPresent(k -> answers.keep(k, plan.operationName(), body, operation.oldestDataMillis()));
                        done.accept(new Answer(body, Answer.Kind.COMPLETE, answers.expiresAt(operation.oldestDataMillis())));
                    }),
                    failure -> onContext(vertxContext, () -> {
                        plans.countHandedOver(plan, failure);
                        // the log line times the whole request
                        inRequest(requestContext, requestState, () -> runEngine(ctx, request, operation, key, started, done));
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
        private void runEngine(RoutingContext ctx, GraphQLRequest request, GatewayRequest operation, Optional<String> key,
                Long started, Consumer<Answer> done) {
            RequestFacts facts = new RequestFacts();
            Map<String, Object> metadata = getMetaData(ctx);
            metadata.put(RequestFacts.KEY, facts);
            metadata.put(OperationTelemetry.OPERATION, operation);
            if (started != null) {
                metadata.put(OperationTelemetry.STARTED, started);
            }
            getExecutionService().executeAsync(request.toExecutionInput(), metadata, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    ExecutionResult result = response.getExecutionResult();
                    byte[] body = response.getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
                    boolean complete = facts.complete(result);
                    if (complete) {
                        plans.learn(request, facts);
                    }
                    Optional<Stale> staleData = operation.stale();
                    if (staleData.isPresent()) {
                        done.accept(new Answer(stale.mark(body, staleData.get()), Answer.Kind.RAN, 0)); // never kept as fresh
                        return;
                    }
                    if (complete) {
                        key.ifPresent(k -> answers.keep(k, facts.operationName(), body, operation.oldestDataMillis()));
                    }
                    Answer.Kind kind = complete ? Answer.Kind.COMPLETE
                            : result.isDataPresent() ? Answer.Kind.RAN : Answer.Kind.REQUEST_ERROR; // GraphQL over HTTP: no data, nothing ran
                    done.accept(new Answer(body, kind, answers.expiresAt(operation.oldestDataMillis())));
                }

                @Override
                public void fail(Throwable failure) {
                    ctx.fail(failure);
                }
            });
        }

        /**
         * A batch (Apollo Client's {@code BatchHttpLink}): its operations answered one after the other,
         * in order, each with its own errors, as one array. Refused as a whole, with one error and
         * nothing run, while batching is off, above {@code partnero.batching.max-operations}, or when its
         * operations together would call Partnero more often than one request may.
         */
        private void runBatch(RoutingContext ctx, String mediaType, long started) {
            JsonValue[] operations;
            try {
                operations = GraphQLRequest.batch(ctx).toArray(JsonValue[]::new);
            } catch (GraphQLRequest.BadRequest e) {
                write(ctx, false, mediaType, Answer.error(null, e.getMessage(), Answer.Kind.BAD_REQUEST));
                return;
            }
            if (maxBatch <= 0 || operations.length == 0 || operations.length > maxBatch) {
                String why = maxBatch <= 0 ? "This gateway takes no batches of operations: send them one by one"
                        : "A batch takes 1 to " + maxBatch + " operations; this one has " + operations.length;
                OperationTelemetry.recordRefused(null, ErrorCode.BATCH_NOT_ALLOWED.name(), Duration.ofNanos(System.nanoTime() - started));
                write(ctx, false, mediaType, Answer.error(ErrorCode.BATCH_NOT_ALLOWED, why, Answer.Kind.BAD_REQUEST));
                return;
            }
            Object[] requests = new Object[operations.length]; // each a GraphQLRequest, or the Answer to an unreadable one
            int calls = 0;
            for (int i = 0; i < operations.length; i++) {
                try {
                    GraphQLRequest request = GraphQLRequest.fromJson(operations[i]);
                    requests[i] = request;
                    if (documents.resolve(request.query(), request.persistedHash()) instanceof Run run) {
                        calls += OperationShape.upstreamCallsOf(schema(), run.document(), request.operationName(), request.variables() == null ? Map.of()
                                : VariablesParser.toMap(request.variables()).orElse(Map.of()), maxFragments);
                    }
                } catch (GraphQLRequest.BadRequest e) {
                    requests[i] = Answer.error(null, e.getMessage(), Answer.Kind.BAD_REQUEST);
                }
            }
            if (calls > maxUpstreamCalls) {
                OperationTelemetry.recordRefused(null, ErrorCode.QUERY_TOO_COMPLEX.name(), Duration.ofNanos(System.nanoTime() - started));
                write(ctx, false, mediaType, Answer.error(ErrorCode.QUERY_TOO_COMPLEX, "This batch would make " + calls
                        + " calls to Partnero; at most " + maxUpstreamCalls + " are allowed per request", Answer.Kind.REQUEST_ERROR));
                return;
            }
            Buffer body = Buffer.buffer().appendByte((byte) '[');
            answerInTurn(ctx, requests, 0, body, started, () -> {
                HttpCaching.noStore(ctx.response());
                write(ctx, 200, mediaType, body.appendByte((byte) ']'));
            });
        }

        private void answerInTurn(RoutingContext ctx, Object[] requests, int i, Buffer body, long started, Runnable finished) {
            if (i == requests.length) {
                finished.run();
                return;
            }
            Consumer<Answer> next = answer -> {
                body.appendBytes(answer.body());
                if (i + 1 < requests.length) {
                    body.appendByte((byte) ',');
                }
                answerInTurn(ctx, requests, i + 1, body, started, finished);
            };
            if (requests[i] instanceof Answer unreadable) {
                next.accept(unreadable);
            } else {
                answer(ctx, (GraphQLRequest) requests[i], started, next);
            }
        }

        private static GraphQLSchema schema() {
            return Arc.container().instance(GraphQLSchema.class).get();
        }

        /** Writes one request's answer with its status and caching headers: a complete GET answer may be kept, nothing else. */
        private void write(RoutingContext ctx, boolean get, String mediaType, Answer answer) {
            if (ctx.response().ended()) {
                return; // the client went away, or the request was already answered
            }
            if (get && answer.kind() == Answer.Kind.COMPLETE) {
                if (caching.complete(ctx.request(), ctx.response(), answer.body(), mediaType, answer.expiresAtMillis())) {
                    ctx.response().setStatusCode(304).end();
                    return;
                }
            } else {
                HttpCaching.noStore(ctx.response());
            }
            // the answer's bytes wrapped, not copied into a new buffer (Netty copies them once more, into the
            // socket's direct buffer, whatever it is given); natively, the copy's array came from a reflective call
            write(ctx, answer.status(mediaType), mediaType, Buffer.buffer(Unpooled.wrappedBuffer(answer.body())));
        }

        private static void write(RoutingContext ctx, int status, String mediaType, Buffer body) {
            if (ctx.response().ended()) {
                return;
            }
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, mediaType).end(body);
        }
    }
}
