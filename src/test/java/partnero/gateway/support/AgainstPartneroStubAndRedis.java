package partnero.gateway.support;

import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.common.WithTestResource;

/**
 * What the suites of the Redis backend in one gateway share: {@link AgainstPartneroStub}, and a real
 * redis-server that the gateway uses ({@link RedisServer.Resource}), injected as {@link #redis}, running
 * again after every test (one test's outage is not the next one's). Without redis-server they are
 * skipped, or under CI fail ({@link RequiresRedisServer}).
 */
@RequiresRedisServer
@WithTestResource(RedisServer.Resource.class)
public abstract class AgainstPartneroStubAndRedis extends AgainstPartneroStub {

    @InjectRedisServer
    protected RedisServer redis;

    /** Runs after a suite's own tear-down, which may bring Redis back itself (and wait for the gateway to see it). */
    @AfterEach
    void redisUpForTheNextTest() {
        redis.upAgain();
    }
}
