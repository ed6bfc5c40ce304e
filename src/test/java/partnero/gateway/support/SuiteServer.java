package partnero.gateway.support;

import java.lang.annotation.Annotation;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A server one test suite has to itself (the Partnero stub, a redis-server): started before the
 * gateway, which the properties {@link #startServer()} returns point at it, handed to the test's field
 * that carries {@code fieldAnnotation}, and stopped after the suite with every one of those properties
 * cleared. {@code @QuarkusIntegrationTest} keeps a resource's properties as system properties of the
 * test JVM and hands each to every later launch of the artifact: without the clearing, the suites after
 * this one would start pointing at a server that is gone.
 */
abstract class SuiteServer<S> implements QuarkusTestResourceLifecycleManager {

    private final Class<? extends Annotation> fieldAnnotation;
    private final Class<S> type;
    private Map<String, String> properties = Map.of();
    protected S server;

    SuiteServer(Class<? extends Annotation> fieldAnnotation, Class<S> type) {
        this.fieldAnnotation = fieldAnnotation;
        this.type = type;
    }

    /** Starts {@link #server}; the gateway's properties that point at it. */
    protected abstract Map<String, String> startServer();

    /** Stops {@link #server} (not null here) and removes what it left on disk. */
    protected abstract void stopServer();

    @Override
    public final Map<String, String> start() {
        properties = startServer();
        return properties;
    }

    @Override
    public final void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(fieldAnnotation, type));
    }

    @Override
    public final void stop() {
        if (server != null) {
            stopServer();
        }
        properties.keySet().forEach(System::clearProperty);
    }
}
