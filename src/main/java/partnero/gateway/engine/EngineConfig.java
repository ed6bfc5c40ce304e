package partnero.gateway.engine;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The engine's settings: compiled plans, the limits on one request, batches. Listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "partnero")
public interface EngineConfig {

    /** Documents compiled for running without graphql-java's per-field execution. */
    CompiledPlans compiledPlans();

    /** Limits on what one GraphQL request may ask for. */
    Limits limits();

    /** Several operations in one POST (a JSON array). */
    Batching batching();

    interface CompiledPlans {
        /** Whether a document answered once is run by a compiled plan afterwards (see docs/performance.md). */
        @WithDefault("true")
        boolean enabled();

        /** Most memory the plans hold, estimated from their documents' length. */
        @WithDefault("4M")
        MemorySize maxBytes();
    }

    interface Limits {
        /**
         * Most upstream calls one GraphQL request may cause, counted at worst before it runs: root fields
         * and their aliases, nested fields once per possible list item, a batch's operations together.
         */
        @WithDefault("50")
        int maxUpstreamCalls();

        /** Deepest field nesting, fragments expanded; GraphiQL's introspection query needs 15. */
        @WithDefault("15")
        int maxDepth();

        /** Most field selections in one operation, fragments expanded; see docs/schema.md for typical values. */
        @WithDefault("500")
        int maxFields();

        /**
         * Most fragment definitions in one document, checked before validation: graphql-java's validation
         * (NoFragmentCycles, 24.3) takes time that grows with the cube of a chain of fragments spreading
         * each other, on the event loop (400 took 9 s).
         */
        @WithDefault("50")
        int maxFragments();

        /** The most a POST's body may take to arrive, then HTTP 408 (web.RequestBodyDeadline). */
        @WithDefault("10s")
        java.time.Duration bodyTimeout();
    }

    interface Batching {
        /** Most operations in one batched POST; 0 refuses batches. */
        @WithDefault("0")
        int maxOperations();
    }
}
