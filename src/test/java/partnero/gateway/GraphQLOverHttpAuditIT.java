package partnero.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.net.URL;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import partnero.gateway.support.AgainstStandardCustomers;
import partnero.gateway.support.NodeScript;

/**
 * The GraphQL-over-HTTP specification, as the {@code graphql-http} package audits a server, against the
 * packaged application (and the native executable): every MUST, and at least 21 of the 23 SHOULDs.
 */
@QuarkusIntegrationTest
class GraphQLOverHttpAuditIT extends AgainstStandardCustomers {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void theGatewayPassesEveryMustAndNearlyEveryShould() throws Exception {
        JsonNode audit = NodeScript.run("graphql-http-audit.mjs", graphql.toString());

        assertThat("MUSTs failed", failed(audit, "MUST"), empty());
        assertThat("SHOULDs passed (failed: " + failed(audit, "SHOULD") + ")", audit.at("/should/ok").asInt(),
                greaterThanOrEqualTo(21));
        assertThat("SHOULDs audited", audit.at("/should/total").asInt(), equalTo(23));
    }

    private static List<String> failed(JsonNode audit, String level) {
        return StreamSupport.stream(audit.get("results").spliterator(), false)
                .filter(result -> result.get("name").asText().startsWith(level) && !result.get("status").asText().equals("ok"))
                .map(result -> result.get("name").asText() + ": " + result.get("reason").asText())
                .toList();
    }
}
