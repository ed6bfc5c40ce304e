package partnero.gateway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which Content-Type headers may carry a POSTed GraphQL request, read as lists of media types. */
class GraphQLContentTypesTest {

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = {
            "application/json",
            "application/graphql",
            "application/json; charset=utf-8",
            "application/json;charset=UTF-8",
            "application/json, application/json", // GraphiQL in Chromium: page header + fetcher header merged
            "application/json,application/json",
            "APPLICATION/JSON",
            "Application/Json; Charset=\"UTF-8\"",
            "  application/json  ",
            "application/json ; charset=utf-8 , application/json",
            "application/json; foo=\"a,b\"",
            "application/json, , application/json",
            "application/json;",
            "application/json, application/graphql" })
    void jsonAndGraphqlListsAreAccepted(String header) {
        assertTrue(GraphQLContentTypes.accepts(List.of(header)), header);
    }

    @ParameterizedTest(name = "refused: [{0}]")
    @ValueSource(strings = {
            "",
            "   ",
            ",",
            "text/plain",
            "text/plain; charset=utf-8",
            "text/plain, application/json",
            "application/json, text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json, multipart/form-data; boundary=x",
            "application/octet-stream",
            "application/graphql-response+json",
            "application",
            "application/",
            "/json",
            "application/json; text/plain",
            "application/json; charset=\"utf-8",
            "application json",
            "*/*" })
    void anythingElseOrMixedWithItIsRefused(String header) {
        assertFalse(GraphQLContentTypes.accepts(List.of(header)), "[" + header + "]");
    }

    @Test
    void aMissingHeaderIsRefused() {
        assertFalse(GraphQLContentTypes.accepts(List.of()));
    }

    @Test
    void repeatedHeaderLinesAreReadTogether() {
        assertTrue(GraphQLContentTypes.accepts(List.of("application/json", "application/json; charset=utf-8")));
        assertFalse(GraphQLContentTypes.accepts(List.of("application/json", "text/plain")));
    }
}
