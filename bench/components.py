#!/usr/bin/env python3
"""Where a profile's samples went, by component: each sample (one folded stack of bench/fold.py) is
given to the innermost frame that belongs to a known component (JDK frames such as String or HashMap
count for whoever called them). Works on native and JVM profiles alike (frames named Class_method).

    bench/components.py target/bench/profile-native-engine-customers.folded [more.folded ...]
"""
import re
import sys
from collections import Counter

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from fold import clean, samples  # noqa: E402  (frames of older folded files are cleaned again: harmless)

COMPONENTS = [
    ("GC", r"^(GCImpl|GenScavenge|AlignedChunk|GreyToBlack|UnalignedChunk|OldGeneration|YoungGeneration|CardTable|HeapChunk)"
           r"|^(G1|GC|VM_GenCollect|PSScavenge|ParallelScavenge|SafepointSynchronize|WorkerThread)[A-Za-z0-9_]*::"),
    ("the JVM itself (JIT compilers, interpreter: C++ frames)", r"::"),
    ("allocation slow path", r"^(ThreadLocalAllocation|Unsafe_allocate|MemAllocator|CollectedHeap|TLAB)"),
    ("interpreted method handles (native)", r"^(LambdaForm_|MethodHandle_invokeBasic|MethodHandleIntrinsicImpl|DirectMethodHandle|"
                                             r"Util_java_lang_invoke)"),
    ("JBoss logging + JSON formatter", r"^(Logger_|LoggerNode|ExtHandler|WriterHandler|QuarkusDelayedHandler|StructuredFormatter|"
                                       r"JsonFormatter|ExtFormatter|ExtLogRecord|PrintStream|StreamEncoder|DateTimeFormatter|"
                                       r"Formatter_)"),
    ("Micrometer", r"^(CompositeTimer|AbstractTimer|StepTimer|PrometheusTimer|Timer_|CumulativeCounter|Counter_|TimeWindow|"
                   r"MeterRegistry|PrometheusMeterRegistry|VertxHttpServerMetrics|VertxHttpClientMetrics|HttpServerMetrics|"
                   r"HttpClientMetrics|Tags_|Tag_|ImmutableTag|MeterFilter|Meter\$Id)"),
    ("context propagation", r"^(ThreadContext|SmallRyeThreadContext|ContextPropagation|ArcContextProvider|Contextual|"
                            r"SmallRyeContextManager)"),
    ("ArC (CDI)", r"^(ArcContainerImpl|ClientProxies|RequestContext|ManagedContext|InjectableContext|InstanceImpl|.*_ClientProxy|"
                  r"Arc_|ComputingCache)"),
    ("fault tolerance", r"^(Guard|.*FaultTolerance|CircuitBreaker|Retry|CompletionStageSupport|FaultToleranceStrategy|"
                        r"AsyncSupport|Completer|SystemStopwatch|RunningStopwatch|BasicCircuitBreaker)"),
    ("Mutiny", r"^(Uni|Multi|AbstractUni|Infrastructure|DefaultUniEmitter|Subscriptions|ParameterValidation)"),
    ("REST client + Jackson reading", r"^(Client[A-Z]|RestClient|InvocationBuilder|AsyncInvoker|MicroProfileRestClient|"
                                      r"ClientSerialisers|BeanDeserializer|ObjectReader|ObjectMapper|Jackson|UTF8StreamJsonParser|"
                                      r"ReaderBasedJsonParser|DeserializationContext|StdDeserializer|.*Deserializer|WebTargetImpl|"
                                      r"Serialisers|HandlerChain|AbstractResteasyReactiveContext|PartneroApi|PartneroClient|"
                                      r"CallPolicy|UpstreamFailures|QuarkusMultivaluedHashMap|ClientRequestHeaders)"),
    ("compiled plan + answer writing", r"^(CompiledPlan|JsonGenerator|UTF8JsonGenerator|WriterBasedJsonGenerator|RecordFieldFetchers|"
                                       r"IsoDateTimes|DateCoercing|ValuesResolver|ConditionalNodes|Graphql.*Coercing|FieldHelper|"
                                       r"AbstractHelper|CustomerMapping)"),
    ("data cache (Caffeine)", r"^(DataCache|BoundedLocalCache|LocalAsyncCache|FrequencySketch)"),
    ("answer cache, keys, SHA-256", r"^(AnswerCache|CaffeineAnswerStore|MessageDigest|SHA|DigestBase|HexFormat|ApiKey|Sha256|"
                                    r"SVMIntrinsicStubsGen_sha)"),
    ("request reading (JSON-P)", r"^(GraphQLRequest|JsonParserImpl|JsonTokenizer|JsonObjectBuilder|JsonReader)"),
    ("GraphQL engine (graphql-java, SmallRye)", r"^(ExecutionStrategy|AsyncExecutionStrategy|Execution_|GraphQL_|ExecutionService|"
                                                r"DataFetcher|PropertyDataFetcher|ValidationUtil|Validator_|OperationValidator)"),
    ("the gateway's request path", r"^(GraphQLEndpoint|OperationTelemetry|StaleAnswers|HttpCaching|ResponseMediaType|"
                                   r"PersistedDocuments|GatewayRequest|GraphQueries|NestedFields|Resolution|SourceFieldFetchers|FieldOperation|"
                                   r"PartneroGraph|KeyRateLimits|RootResolvers|"
                                   r"InputRules|ApiKeyResolver|CompiledPlans|GraphQLContentTypes|ContentTypeHeader)"),
    ("Netty", r"^(.*Netty|AbstractChannel|Channel|ByteToMessage|HttpObjectDecoder|HttpObjectEncoder|AbstractByteBuf|PooledByteBuf|"
              r"PoolArena|PoolThreadCache|.*ByteBuf|IdleStateHandler|SingleThreadEventExecutor|NioEventLoop|DefaultChannelPipeline|"
              r"AbstractNio|NioSocketChannel|SocketChannelImpl|IOUtil|SocketDispatcher|Recycler|FastThreadLocal|"
              r"InternalThreadLocalMap|AppendableCharSequence|DefaultHttpHeaders|HeadersUtils|DefaultHeaders|AsciiString|HttpUtil|"
              r"ChannelOutboundBuffer|ReferenceCountUtil|DefaultPromise|DefaultChannelPromise|SelectedSelectionKeySet|"
              r"EPollSelectorImpl|SelectorImpl)"),
    ("Vert.x", r"^(Http1x|Vertx|ContextImpl|ContextInternal|DuplicatedContext|EventLoopContext|ConnectionBase|InboundBuffer|"
               r"Routing|Route|RouterImpl|BodyHandler|RequestBody|BufferImpl|HeadersMultiMap|HeadersAdaptor|SharedClientHttp|"
               r"HttpClient|FutureImpl|PromiseImpl|VertxHandler|ContextLocal|CorsHandler|GracefulShutdownFilter|"
               r"QuarkusRequestWrapper|AbstractResponseWrapper|HttpServer|ResponseWrapper|CurrentVertxRequest|VertxHttpRecorder|"
               r"HttpServerCommonHandlers|ForwardedServerRequestWrapper|SmallRyeGraphQLAbstractHandler|ParsableHeaderValue|"
               r"ParsableMIMEValue|Http2|HttpEventHandler|Endpoint|ConnectionManager)"),
    ("kernel", r"^[a-z_][a-z0-9_.]*$"),
]
RULES = [(name, re.compile(rx)) for name, rx in COMPONENTS]


def components(path):
    counts = Counter()
    total = 0
    for frames, count in samples(path):
        total += count
        name = "other (JDK and the rest)"
        for frame in reversed(frames):
            frame = clean(frame)
            match = next((component for component, rx in RULES if rx.search(frame)), None)
            if match:
                name = match
                break
        counts[name] += count
    return total, counts


if __name__ == "__main__":
    for path in sys.argv[1:]:
        total, counts = components(path)
        print(f"{path}: {total} samples")
        for name, count in counts.most_common():
            print(f"  {100 * count / total:5.1f} %  {name}")
