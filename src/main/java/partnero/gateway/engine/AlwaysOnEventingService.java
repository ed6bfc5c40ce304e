package partnero.gateway.engine;

import io.smallrye.graphql.spi.EventingService;

/**
 * An {@link EventingService} SmallRye GraphQL always calls: with no config key, its switch
 * ({@code getConfigKey}) is always on. The gateway's hooks into the engine extend it.
 */
abstract class AlwaysOnEventingService implements EventingService {

    @Override
    public final String getConfigKey() {
        return null;
    }
}
