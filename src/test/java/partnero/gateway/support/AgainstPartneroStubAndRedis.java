package partnero.gateway.support;

import io.quarkus.test.common.WithTestResource;

/**
 * What the suites of the Redis backend in one gateway share: {@link AgainstPartneroStub}, and a real
 * redis-server that the gateway uses ({@link RedisServer.Resource}), injected as {@link #redis}. Without
 * redis-server they are skipped, or under CI fail ({@link RequiresRedisServer}).
 */
@RequiresRedisServer
@WithTestResource(RedisServer.Resource.class)
public abstract class AgainstPartneroStubAndRedis extends AgainstPartneroStub {

    @InjectRedisServer
    protected RedisServer redis;
}
