package partnero.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;

/** Which answers are complete: kept by the answer cache and HTTP caches, and compiled into plans. */
class RequestFactsTest {

    private static final ExecutionResult COMPLETE = ExecutionResultImpl.newExecutionResult().data(Map.of("customers", Map.of())).build();

    @Test
    void aQueryWithDataAndNoErrorIsComplete() {
        assertTrue(new RequestFacts(true, "Page").complete(COMPLETE));
    }

    @Test
    void errorsPartialAnswersAndIntrospectionAreNot() {
        ExecutionResult failed = ExecutionResultImpl.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message("no").build()).build();
        ExecutionResult partial = ExecutionResultImpl.newExecutionResult().data(Map.of("customers", Map.of()))
                .addErrors(List.of(GraphqlErrorBuilder.newError().message("half").build())).build();

        assertFalse(new RequestFacts(true, "A").complete(failed), "failed");
        assertFalse(new RequestFacts(true, "A").complete(partial), "partial");
        assertFalse(new RequestFacts(false, "A").complete(COMPLETE), "introspection");
    }
}
