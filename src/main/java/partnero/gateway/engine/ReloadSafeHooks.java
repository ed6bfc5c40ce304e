package partnero.gateway.engine;

import graphql.GraphQL;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * The way SmallRye GraphQL's events reach the gateway's hooks that use its own classes
 * ({@link OperationLimits}, {@link OperationTelemetry}): this service, named in
 * {@code META-INF/services}, hands each event to the hooks of the application running now, which are
 * CDI beans named {@link #LIMITS} and {@link #TELEMETRY}.
 * <p>
 * Why not name the hooks there: SmallRye GraphQL keeps the services it finds in a static singleton
 * ({@code EventEmitter.INSTANCE}) of its own class loader, which dev mode does not reload. After a live
 * reload those services would run their old code against the new application's classes: every request
 * failed with "RequestFacts cannot be cast to RequestFacts". This class uses only what dev mode does not
 * reload (SmallRye's SPI, graphql-java, ArC), and looks the hooks up again when the application has
 * restarted ({@code ReloadSafeHooksTest}; {@code ArchitectureTest} keeps the application's classes out
 * of it). {@link DefaultFieldVisibility} stays a service of its own: it uses none of them.
 */
public final class ReloadSafeHooks extends AlwaysOnEventingService {

    static final String LIMITS = "partnero.engine.operation-limits";
    static final String TELEMETRY = "partnero.engine.operation-telemetry";

    private record Hooks(ArcContainer container, EventingService limits, EventingService telemetry) {
    }

    private volatile Hooks hooks;

    /** The hooks of the application running now; looked up once per start. */
    private Hooks hooks() {
        ArcContainer container = Arc.container();
        Hooks current = hooks;
        if (current == null || current.container() != container) {
            current = new Hooks(container, container.<EventingService> instance(LIMITS).get(),
                    container.<EventingService> instance(TELEMETRY).get());
            hooks = current;
        }
        return current;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return hooks().limits().beforeGraphQLBuild(builder);
    }

    @Override
    public void beforeExecute(Context context) {
        hooks().telemetry().beforeExecute(context);
    }

    @Override
    public void afterExecute(Context context) {
        hooks().telemetry().afterExecute(context);
    }
}
