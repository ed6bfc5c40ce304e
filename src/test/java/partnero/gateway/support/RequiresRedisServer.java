package partnero.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test class runs against a real {@code redis-server} ({@link RedisServer}). Without one it
 * cannot say anything: it is skipped, with a line in the build's output saying so and what to
 * install, so a local {@code ./mvnw verify} never passes silently without the Redis tests; under CI
 * ({@code CI=true}, as {@code .ci/run} sets) it fails instead.
 * <p>
 * JUnit evaluates the condition before any callback of the class, so a {@code @QuarkusTest} is
 * skipped before Quarkus starts the application and its {@link RedisServer.Resource}.
 */
@Inherited // also on a base class of the suites, AgainstPartneroStubAndRedis
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresRedisServer.Condition.class)
public @interface RequiresRedisServer {

    /** Enables the class when {@code redis-server} is found; skips it, or under CI fails it, when not. */
    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var executable = RedisServer.executable();
            if (executable.isPresent()) {
                return ConditionEvaluationResult.enabled("redis-server is " + executable.get());
            }
            String reason = RedisServer.missing();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true: the Redis tests must run)");
            }
            System.out.println("SKIPPED " + context.getRequiredTestClass().getName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
