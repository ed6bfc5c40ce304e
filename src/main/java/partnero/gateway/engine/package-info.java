/**
 * The engine room: every place where the gateway changes how Quarkus' SmallRye GraphQL or
 * graphql-java behave. Nothing outside this package imports SmallRye GraphQL's implementation
 * packages ({@code ArchitectureTest} holds the rest of the code to that); what the entry uses and does
 * not reach into the framework lives beside it: the request and media types in {@code web}, the answer
 * cache in {@code answers}, the request's state in {@code request}. Each piece, what it replaces,
 * why, and what to re-check when Quarkus is upgraded (the tests named fail when what a piece relies on
 * changes; {@code UpgradeTripwireTest} fails on any Quarkus or SmallRye GraphQL upgrade and points
 * here):
 * <ul>
 * <li>{@link partnero.gateway.engine.GraphQLEndpoint}: {@code GET} and {@code POST /graphql}, a Vert.x
 * route in front of Quarkus' own (SmallRyeGraphQLExecutionHandler), so that whole answers can be kept
 * and served by the {@link partnero.gateway.answers.AnswerCache} (Quarkus' handler writes its answers
 * itself), and because Quarkus 3.33 reads GET wrongly (operation name taken from the query, parameters
 * decoded twice). It extends Quarkus' {@code SmallRyeGraphQLAbstractHandler} for request scope and
 * identity and runs SmallRye's {@code ExecutionService} as Quarkus does. Re-check: that abstract
 * handler's constructor and {@code getMetaData}; what Quarkus' handler does that this one must too
 * (media types, body reading, status codes); whether Quarkus fixed its GET reading. It also does
 * what Quarkus' handler does not: GraphQL over HTTP's 400 for a request error under
 * {@code application/graphql-response+json} (graphql-java's {@code ExecutionResult.isDataPresent()}
 * tells a request error from a field error), batches, persisted documents
 * ({@code documents.PersistedDocuments}) and caching headers ({@code web.HttpCaching}). Tests:
 * {@code HttpSurfaceTest}, {@code StatusCodesTest}, {@code OperationsTest}, {@code QueryLimitsTest},
 * {@code AnswerCacheTest}, {@code BatchingTest}, {@code GraphQLOverHttpAuditIT}.</li>
 * <li>{@link partnero.gateway.engine.CompiledPlan}, {@link partnero.gateway.engine.CompiledPlans} and
 * {@link partnero.gateway.engine.RootResolvers}: a document graphql-java has answered completely once
 * is run afterwards by a plan compiled from its validated operation, which calls the root resolvers
 * on their CDI beans (arguments coerced by graphql-java's {@code ValuesResolver} and converted by
 * SmallRye's {@code ArgumentHelper}), the graph's nested fields through the very
 * {@code SourceFieldFetchers.SourceFetcher} the code registry holds for them (with an environment of
 * its own: source, arguments and a {@code GraphQLContext} carrying the operation; a plan with nested
 * fields measures the operation again with each request's variables, as {@code OperationLimits} would,
 * and leaves anything over a limit to graphql-java), reads record fields through the same
 * {@code RecordFieldFetchers.AccessorFetcher}s, coerces leaves with the schema's scalars and writes
 * with Jackson's UTF-8 generator made to write what SmallRye's JSON-P writer (Parsson) writes
 * ({@code CompiledPlan.ParssonEscapes}: its string escaping; numbers as {@code JsonNumber} prints them);
 * on any error it hands the request to graphql-java
 * (Partnero is not asked twice: {@code request.GatewayRequest#once}). Off while tracing, SmallRye metrics, events
 * or payload logging are on. Re-check: {@code ValuesResolver.coerceVariableValues/getArgumentValues},
 * {@code ConditionalNodes}, SmallRye's {@code Schema} model bean, {@code ArgumentHelper},
 * {@code FieldHelper} (its transformation of an unwrapped scalar ignores the environment),
 * {@code DateTransformer}'s default for {@code OffsetDateTime} ({@code ISO_OFFSET_DATE_TIME}, which
 * plans write with {@code IsoDateTimes}), {@code ExecutionResponse}'s JSON writing and Parsson's
 * {@code JsonGeneratorImpl.writeEscapedString}. Tests:
 * {@code CompiledPlanDifferentialTest} (generated documents, nested fields included, byte for byte
 * against graphql-java; errors handed over with Partnero asked as often; a nested plan over a limit
 * with other variables handed over), {@code IsoDateTimesTest} (against SmallRye's
 * {@code DateTransformer}), {@code EngineGuardsTest} (the Customer timestamps take it).</li>
 * <li>{@link partnero.gateway.engine.RecordFieldFetchers} ({@code DataFetcherService}, found through
 * {@code META-INF/services}): fields of {@link partnero.gateway.engine.AccessorFields} records read by
 * their accessor instead of SmallRye's per-field context; SmallRye still converts what it would
 * convert, by its own {@code FieldHelper}. Re-check: {@code DataFetcherService} and
 * {@code FieldHelper}'s {@code shouldTransform}/{@code shouldAdapt}. Tests: {@code EngineGuardsTest}
 * (every served type is covered or left to SmallRye on purpose), the exact-output query tests.</li>
 * <li>{@link partnero.gateway.engine.DefaultFieldVisibility} ({@code EventingService}): plain
 * graphql-java field visibility where SmallRye 2.17 installs a regular expression for its own default.
 * Re-check: {@code Bootstrap.getGraphqlFieldVisibility}; delete this class once the default means "no
 * patterns". Tests: {@code FieldVisibilityTest}.</li>
 * <li>{@link partnero.gateway.engine.OperationLimits} and {@link partnero.gateway.engine.OperationShape}
 * ({@code EventingService}): depth, field and Partnero-call limits as a graphql-java instrumentation
 * chained after SmallRye's own; the calls of every field a resolver answers come from the schema's
 * {@link partnero.gateway.engine.PartneroCalls} directive (nested ones once per possible list item),
 * and a nested field's {@code page}/{@code limit}/{@code key}/{@code id} are checked there too. Re-check: that SmallRye still sets its
 * instrumentation before {@code beforeGraphQLBuild} and builds the engine at run time. Tests:
 * {@code QueryLimitsTest}, {@code LimitsOverrideIT} (run-time limits, native too),
 * {@code EngineGuardsTest} (every root field declares its calls; SmallRye's instrumentation and
 * exception handler still apply). Two guards stand in for the frameworks there: the fragment count is
 * checked at {@code beginValidation}, before graphql-java's {@code NoFragmentCycles} (24.3), whose time
 * grows with the cube of a chain of fragments; and an {@code Int} variable that is no whole {@code Int}
 * is refused, as SmallRye's {@code NumberCoercing} (2.17) lets any number through {@code parseValue} and
 * fails as the field runs ("System error"); and a subscription (the schema has none) is reported as
 * graphql-java reports it, before its {@code SubscriptionUniqueRootField} fails on skipped root fields
 * (HTTP 500). Re-check all three on an upgrade, and delete what the framework
 * now does itself; tests: {@code web.FuzzedRequestsTest} (its named regression tests).</li>
 * <li>{@link partnero.gateway.engine.OperationTelemetry} ({@code EventingService}) and
 * {@link partnero.gateway.engine.OperationNames}: the per-request log line and the
 * {@code graphql_operations_seconds} timer, its operation names capped. Re-check:
 * {@code EventingService.beforeExecute/afterExecute} and what {@code Context} unwraps to. Tests:
 * {@code OperationsTest}, {@code LogSafetyTest}.</li>
 * <li>{@link partnero.gateway.engine.ReloadSafeHooks} ({@code EventingService}, the one
 * {@code META-INF/services} names besides {@code DefaultFieldVisibility}): hands SmallRye's events to the
 * two hooks above, which are CDI beans, looked up again after each start, because SmallRye keeps the
 * services it found in a static singleton ({@code EventEmitter.INSTANCE}) that dev mode's live reload
 * does not replace. Re-check: whether {@code EventEmitter} still holds its services statically. Tests:
 * {@code ReloadSafeHooksTest}, {@code ArchitectureTest}.</li>
 * <li>{@link partnero.gateway.engine.SourceFieldFetchers} ({@code DataFetcherService}, found through
 * {@code META-INF/services}, priority 0 so that it is asked before Quarkus' own service, which answers
 * every operation): the graph's {@code @Source} fields (classes marked
 * {@link partnero.gateway.engine.PlainSourceFields}) fetched by a plain call of the resolver, without
 * SmallRye's per-fetch context, events, request-context reactivation and context propagation (14 %+
 * of an engine run of the nested query); arguments by SmallRye's {@code ArgumentHelper}, the value by
 * its {@code FieldHelper}, a failure as SmallRye's own {@code DataFetcherException}. Off while tracing,
 * SmallRye metrics, events or payload logging are on. Re-check: {@code DataFetcherFactory}'s order of
 * services (ascending priority, first non-null wins), what Quarkus' {@code AbstractAsyncDataFetcher}
 * does around a call, and that its exception handler still reports a {@code DataFetcherException}'s
 * cause. Tests: {@code EngineGuardsTest.theGraphsNestedFieldsAreFetchedByAPlainCall} (fails if SmallRye
 * stops asking the service), {@code PartneroGraphTest} (partial results with path and code, nulls,
 * 404s, keys), {@code TracingTest} (steps aside when tracing is on).</li>
 * <li>{@link partnero.gateway.engine.FieldOperation}: the operation a nested field (a {@code @Source}
 * resolver) is resolved for, read from the execution's {@code GraphQLContext} through the
 * {@code DataFetchingEnvironment} SmallRye records per thread before it calls a resolver, because the
 * request's CDI context is not active where graphql-java fetches a nested field (seen under load:
 * every nested field failed). Re-check: that {@code AbstractDataFetcher.get} still calls
 * {@code SmallRyeContextManager.populateFromDataFetchingEnvironment} before the resolver, and that the
 * execution metadata still reaches the {@code GraphQLContext} ({@link partnero.gateway.engine.SourceFieldFetchers}
 * hands the environment over itself, for its own fetches). Tests: {@code PartneroGraphTest}
 * (every nested field answered, concurrent requests each with their own key),
 * {@code ResolverOperationsTest}.</li>
 * </ul>
 */
package partnero.gateway.engine;
