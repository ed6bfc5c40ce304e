package partnero.gateway.partnero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import partnero.gateway.error.ErrorCode;
import partnero.gateway.error.GatewayException;
import partnero.gateway.support.TestConfig;

/**
 * The call policy on its own, with attempts that fail as told: what is retried, what is not, the one
 * honoured 429, the deadline and the breaker. A {@code @QuarkusTest} only because SmallRye Fault
 * Tolerance's programmatic guards run inside the CDI container; nothing here goes over HTTP.
 */
@QuarkusTest
class CallPolicyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void connectionFailuresAndGatewayErrorsAreRetriedUntilOneSucceeds() {
        CallPolicy policy = policy(Map.of());

        String answer = subscribe(policy, failingTimes(2, unavailable(503))).awaitItem(PATIENCE).getItem();

        assertEquals("answer", answer);
        assertEquals(3, attempts.get());
    }

    /**
     * Calls whose first attempts fail as told: the settings, how many attempts fail and with what, then
     * the code the call fails with and how many attempts it made.
     */
    static Stream<Arguments> callsThatFail() {
        return Stream.of(
                argumentSet("retries stop after the configured number", Map.of("partnero.retry.max-retries", "2"),
                        10, unavailable(null), ErrorCode.UPSTREAM_UNAVAILABLE, 3),
                argumentSet("a client's error is not retried", Map.of(),
                        1, GatewayException.upstream(ErrorCode.UNAUTHENTICATED, "no", 401, null), ErrorCode.UNAUTHENTICATED, 1),
                argumentSet("a 500 is not retried", Map.of(),
                        1, unavailable(500), ErrorCode.UPSTREAM_UNAVAILABLE, 1),
                argumentSet("one short Retry-After is waited out and a second rate limit is the answer", Map.of("partnero.rate-limit.max-wait", "1s"),
                        5, GatewayException.rateLimited(OptionalInt.of(0)), ErrorCode.RATE_LIMITED, 2));
    }

    @ParameterizedTest
    @MethodSource("callsThatFail")
    void aCallFailsWithItsCodeAfterTheAttemptsThePolicyAllows(Map<String, String> settings, int failingAttempts,
            GatewayException failure, ErrorCode code, int attemptsMade) {
        GatewayException failed = failure(policy(settings), failingTimes(failingAttempts, failure));

        assertEquals(code, failed.code());
        assertEquals(attemptsMade, attempts.get());
    }

    @Test
    void aRetryAfterLongerThanTheMaximumWaitFailsAtOnce() {
        CallPolicy policy = policy(Map.of("partnero.rate-limit.max-wait", "1s"));

        GatewayException failure = failure(policy, failingTimes(5, GatewayException.rateLimited(OptionalInt.of(30))));

        assertEquals(30, failure.retryAfterSeconds().getAsInt());
        assertEquals(1, attempts.get());
    }

    @Test
    void theDeadlineBoundsTheWholeCall() {
        CallPolicy policy = policy(Map.of("partnero.deadline", "200ms"));

        GatewayException failure = failure(policy, () -> Uni.createFrom().<String> nothing());

        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, failure.code());
    }

    @Test
    void anOpenBreakerFailsCallsWithoutAnAttempt() {
        CallPolicy policy = policy(Map.of("partnero.circuit-breaker.request-volume", "2",
                "partnero.circuit-breaker.delay", "1m", "partnero.retry.max-retries", "0"));
        subscribe(policy, failingTimes(1, unavailable(500))).awaitFailure(PATIENCE);
        subscribe(policy, failingTimes(1, unavailable(500))).awaitFailure(PATIENCE);
        attempts.set(0);

        GatewayException failure = failure(policy, failingTimes(0, null));

        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, failure.code());
        assertEquals(OptionalInt.empty(), failure.upstreamStatus());
        assertEquals(0, attempts.get());
    }

    @Test
    void aClientsErrorNeverOpensTheBreaker() {
        CallPolicy policy = policy(Map.of("partnero.circuit-breaker.request-volume", "2",
                "partnero.circuit-breaker.delay", "1m"));
        for (int i = 0; i < 4; i++) {
            subscribe(policy, failingTimes(1, GatewayException.upstream(ErrorCode.FORBIDDEN, "no", 403, null))).awaitFailure(PATIENCE);
        }

        assertEquals("answer", subscribe(policy, failingTimes(0, null)).awaitItem(PATIENCE).getItem());
    }

    /** A policy of its own (its own breaker), from the defaults plus these settings. */
    private static CallPolicy policy(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putIfAbsent("partnero.retry.initial-backoff", "1ms");
        return new CallPolicy(TestConfig.settings(CallConfig.class, all), "call-policy-test-" + System.nanoTime());
    }

    /** A call whose first {@code times} attempts fail with {@code failure}, and the next ones answer; all are counted. */
    private Supplier<Uni<String>> failingTimes(int times, GatewayException failure) {
        AtomicInteger tries = new AtomicInteger();
        return () -> Uni.createFrom().deferred(() -> {
            attempts.incrementAndGet();
            return tries.incrementAndGet() <= times ? Uni.createFrom().failure(failure) : Uni.createFrom().item("answer");
        });
    }

    private static UniAssertSubscriber<String> subscribe(CallPolicy policy, Supplier<Uni<String>> attempt) {
        return policy.call(attempt).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    /** What the call failed with, once it has. */
    private static GatewayException failure(CallPolicy policy, Supplier<Uni<String>> attempt) {
        return (GatewayException) subscribe(policy, attempt).awaitFailure(PATIENCE).getFailure();
    }

    private static GatewayException unavailable(Integer status) {
        return GatewayException.upstream(ErrorCode.UPSTREAM_UNAVAILABLE, "down", status, null);
    }
}
