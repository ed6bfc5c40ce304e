package partnero.gateway.devupstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded Partnero simulator that dev mode talks to. {@code enabled} is read at build time
 * ({@code @IfBuildProperty} on {@link PartneroSimulator}); it is mapped here so that it is validated and documented.
 */
@ConfigMapping(prefix = "partnero.dev-upstream")
public interface DevUpstreamConfig {

    /**
     * Whether the simulator is built into the application. Fixed at build time: it is true only in
     * dev mode, so the production build does not contain the simulator's routes at all.
     */
    @WithDefault("false")
    boolean enabled();
}
