package partnero.gateway.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis the shared cache tests run against is a real server that holds keys, crashes and comes back empty. */
@RequiresRedisServer
class RedisServerTest {

    RedisServer redis;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        redis.stop();
    }

    @Test
    void aKeyWrittenIsListedAndReadBack() {
        assertThat(redis.command("SET", "partnero:test", "value ä"), is("OK"));

        assertThat(redis.keys(), contains("partnero:test"));
        assertThat(new String(redis.get("partnero:test"), UTF_8), is("value ä"));
        assertThat(redis.dbSize(), is(1L));
    }

    @Test
    void aKeyNeverWrittenReadsAsNull() {
        assertThat(redis.get("partnero:absent"), is(nullValue()));
    }

    @Test
    void flushAllEmptiesTheKeyspace() {
        redis.command("SET", "partnero:test", "value");

        redis.flushAll();

        assertThat(redis.keys(), is(empty()));
        assertThat(redis.dbSize(), is(0L));
    }

    @Test
    void aKilledServerAnswersNothingAndComesBackEmptyOnTheSamePort() {
        redis.command("SET", "partnero:test", "value");
        int port = redis.port();

        redis.kill();
        assertThat("a killed server answers PING", redis.answersPing(), is(false));

        redis.restart();
        assertThat(redis.answersPing(), is(true));
        assertThat(redis.port(), is(port));
        assertThat("nothing is persisted", redis.keys(), is(empty()));
    }

    @Test
    void aStoppedServerComesBackEmpty() {
        redis.command("SET", "partnero:test", "value");

        redis.stop();
        redis.restart();

        assertThat("nothing is saved on shutdown", redis.keys(), is(empty()));
    }
}
