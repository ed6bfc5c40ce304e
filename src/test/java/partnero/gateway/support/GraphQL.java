package partnero.gateway.support;

import static io.restassured.RestAssured.given;

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
