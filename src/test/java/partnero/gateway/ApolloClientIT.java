package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.net.URL;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import partnero.gateway.support.AgainstStandardCustomers;
import partnero.gateway.support.NodeScript;
import partnero.gateway.support.Profiles;

/**
 * Apollo Client itself ({@code src/test/node/apollo-client.mjs}) against the packaged application (and
 * the native executable), with the default caches and batches of up to 5: the persisted-query round
 * trip over POST and over GET, GET answers revalidated with their ETag, and a batch. The script's
 * {@code fetch} records every exchange and, for GET, behaves like a browser's HTTP cache.
 */
@QuarkusIntegrationTest
@TestProfile(Profiles.WebClientDefaults.class)
class ApolloClientIT extends AgainstStandardCustomers {

    private static final String SHA_256_HEX = "[0-9a-f]{64}";

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void persistedQueriesOverPost() throws Exception {
        JsonNode run = NodeScript.run("apollo-client.mjs", graphql.toString(), "apq", clientKey);
        List<JsonNode> exchanges = list(run.get("exchanges"));

        assertThat(exchanges, hasSize(4)); // hash, hash + document, then the hash alone twice
        String hash = exchanges.get(0).get("hash").asText();
        assertThat(hash, matchesPattern(SHA_256_HEX));
        assertThat(exchanges.get(0).get("withDocument").asBoolean(), equalTo(false));
        assertThat(exchanges.get(0).get("body").asText(), containsString("\"code\":\"PERSISTED_QUERY_NOT_FOUND\""));
        assertThat(exchanges.get(1).get("withDocument").asBoolean(), equalTo(true));
        assertThat(exchanges.get(1).get("hash").asText(), equalTo(hash));
        for (JsonNode later : exchanges.subList(2, 4)) {
            assertThat(later.get("withDocument").asBoolean(), equalTo(false));
            assertThat(later.get("hash").asText(), equalTo(hash));
            assertThat(later.get("status").asInt(), equalTo(200));
        }
        List<JsonNode> results = list(run.get("results"));
        assertThat(results, hasSize(3));
        for (JsonNode result : results) {
            assertThat(result.get("errors").isNull(), equalTo(true));
            assertThat(result.at("/data/customers/items/0/key").asText(), equalTo("customer_123"));
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("limit", WireMock.equalTo("15"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + clientKey)));
    }

    @Test
    void persistedQueriesOverGetAreCachedAndRevalidated() throws Exception {
        JsonNode run = NodeScript.run("apollo-client.mjs", graphql.toString(), "apq-get", clientKey);
        List<JsonNode> exchanges = list(run.get("exchanges"));

        assertThat(exchanges, hasSize(5)); // hash, hash + document by POST, the hash alone, revalidated twice
        assertThat(exchanges.get(0).get("method").asText(), equalTo("GET"));
        assertThat(exchanges.get(0).get("hash").asText(), matchesPattern(SHA_256_HEX));
        assertThat(exchanges.get(0).get("withDocument").asBoolean(), equalTo(false));
        assertThat(exchanges.get(0).get("body").asText(), containsString("PERSISTED_QUERY_NOT_FOUND"));
        assertThat(exchanges.get(0).get("cacheControl").asText(), equalTo("no-store"));
        assertThat("the document goes by POST", exchanges.get(1).get("method").asText(), equalTo("POST"));
        assertThat(exchanges.get(1).get("withDocument").asBoolean(), equalTo(true));

        JsonNode cached = exchanges.get(2); // the hash alone, over GET: an answer a browser may keep
        assertThat(cached.get("method").asText(), equalTo("GET"));
        assertThat(cached.get("withDocument").asBoolean(), equalTo(false));
        assertThat(cached.get("status").asInt(), equalTo(200));
        assertThat(cached.get("cacheControl").asText(), matchesPattern("private, max-age=([1-9]|[12][0-9]|30)"));
        assertThat(cached.get("etag").asText(), matchesPattern("(W/)?\"[^\"]+\""));
        assertThat(cached.get("vary").asText(), containsString("Authorization"));
        assertThat("Apollo Client 3 accepts */*", cached.get("contentType").asText(), startsWith("application/json"));

        for (JsonNode revalidated : exchanges.subList(3, 5)) {
            assertThat(revalidated.get("method").asText(), equalTo("GET"));
            assertThat(revalidated.get("ifNoneMatch").asText(), equalTo(cached.get("etag").asText()));
            assertThat(revalidated.get("status").asInt(), equalTo(304));
            assertThat(revalidated.get("body").asText(), equalTo(""));
        }

        List<JsonNode> results = list(run.get("results"));
        assertThat(results, hasSize(4));
        for (JsonNode result : results) {
            assertThat(result.at("/data/customers/items/1/key").asText(), equalTo("customer_456"));
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void aBatchOfThreeOperationsIsOnePostAnsweredInOrder() throws Exception {
        JsonNode run = NodeScript.run("apollo-client.mjs", graphql.toString(), "batch", clientKey);
        List<JsonNode> exchanges = list(run.get("exchanges"));

        assertThat(exchanges, hasSize(1));
        assertThat(exchanges.get(0).get("method").asText(), equalTo("POST"));
        assertThat(exchanges.get(0).get("batch").asBoolean(), equalTo(true));
        assertThat(exchanges.get(0).get("operations").asInt(), equalTo(3));
        assertThat(exchanges.get(0).get("status").asInt(), equalTo(200));
        List<JsonNode> results = list(run.get("results"));
        assertThat(results, hasSize(3));
        assertThat(results.get(0).at("/data/customers/items/0/email").asText(), equalTo("alice.brown@partnero.com"));
        assertThat(results.get(1).at("/data/searchCustomer/key").asText(), equalTo("customer_123"));
        assertThat(results.get(2).at("/data/__typename").asText(), equalTo("Query"));
        for (JsonNode result : results) {
            assertThat(result.get("errors").isNull(), equalTo(true));
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(SEARCH_PATH)).withQueryParam("id", WireMock.equalTo("customer_123")));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
