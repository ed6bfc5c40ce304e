package partnero.gateway.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Posts GraphQL documents to the gateway the way a web application does. */
public final class GraphQL {

    private GraphQL() {
    }

    /** POSTs {@code query} with no Authorization header: the gateway uses its server-side key. */
    public static ValidatableResponse post(String query) {
        return post(given(), query);
    }

    /** POSTs {@code query} with {@code Authorization: Bearer <clientKey>}. */
    public static ValidatableResponse postWithKey(String clientKey, String query) {
        return post(given().header("Authorization", "Bearer " + clientKey), query);
    }

    /** POSTs {@code query} with no Authorization header and checks that it was answered without errors. */
    public static ValidatableResponse answered(String query) {
        return post(query).body("errors", nullValue());
    }

    /** POSTs {@code query} with {@code Authorization: Bearer <clientKey>} and checks that it was answered without errors. */
    public static ValidatableResponse answeredWithKey(String clientKey, String query) {
        return postWithKey(clientKey, query).body("errors", nullValue());
    }

    /** POSTs {@code query} with no Authorization header and checks that the answer holds no data at all. */
    public static ValidatableResponse answeredWithoutData(String query) {
        return post(query).body("data", nullValue());
    }

    /** POSTs {@code body} (an operation's fields, or a batch of them) as JSON, accepting {@code application/json}; the answer is the caller's to check. */
    public static ValidatableResponse postJson(Object body) {
        return postJson("application/json", body);
    }

    /** POSTs {@code body} as JSON, accepting {@code accept}; the answer is the caller's to check. */
    public static ValidatableResponse postJson(String accept, Object body) {
        return given().accept(accept).contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then();
    }

    /** The {@code extensions} of a request that names its document by hash, as Apollo's persisted-query link sends them. */
    public static Map<String, Object> persisted(String sha256Hash) {
        Map<String, Object> persistedQuery = new HashMap<>();
        persistedQuery.put("version", 1);
        persistedQuery.put("sha256Hash", sha256Hash);
        return Map.of("persistedQuery", persistedQuery);
    }

    /** The SHA-256 of {@code document} in lower-case hex, the hash that names a persisted query. */
    public static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** GETs {@code query} as the query parameter, with no Authorization header; the answer is the caller's to check. */
    public static ValidatableResponse get(String query) {
        return get(given().queryParam("query", query));
    }

    /** GETs /graphql with what {@code request} carries (query parameters, headers); the answer is the caller's to check. */
    public static ValidatableResponse get(RequestSpecification request) {
        return request.when().get("/graphql").then();
    }

    public static ValidatableResponse post(RequestSpecification request, String query) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("query", query))
                .when().post("/graphql")
                .then().statusCode(200);
    }

    /** POSTs {@code query} with variables, on {@code request} (a client key, say). */
    public static ValidatableResponse post(RequestSpecification request, String query, Map<String, Object> variables) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200);
    }

    /** POSTs {@code query} with variables. */
    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200);
    }
}
