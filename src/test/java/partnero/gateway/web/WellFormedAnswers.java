package partnero.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every answer of {@code /graphql} must be, whatever was asked: a well-formed GraphQL response
 * (JSON with {@code data} and/or {@code errors}, each error with a message and, when it has a code,
 * one of {@code docs/errors.md}), or an HTTP error whose body is short and says what is wrong; never a
 * 5xx, never a stack trace or a Java class name, never an API key, and within the time bound.
 */
final class WellFormedAnswers {

    /** The longest any answer may take. */
    static final Duration TIME_BOUND = Duration.ofSeconds(5);
    /** What only a leak puts into an answer: Java's names and stack frames. */
    static final List<String> LEAKS = List.of("java.", "Exception", "partnero.gateway.", "io.vertx.", "io.quarkus.", "io.smallrye.", "\tat ",
            "graphql.execution", "NullPointer", "Caused by");
    /** graphql-java's error classifications ({@code DataFetchingException} among them), the engine's standard form: names, not leaks. */
    private static final Pattern CLASSIFICATION = Pattern.compile("\"classification\":\"[A-Za-z]+\"");
    /** The codes clients may meet: the table of {@code docs/errors.md}. */
    static final Set<String> CODES = documentedCodes();
    /** Top-level members of a GraphQL response. */
    private static final Set<String> MEMBERS = Set.of("data", "errors", "extensions");
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<String> secrets;

    /** Checks answers for these keys, none of which may ever come back. */
    WellFormedAnswers(String... secrets) {
        this.secrets = List.of(secrets);
    }

    /** What is wrong with {@code answer} to {@code request}, which took {@code took}; empty when nothing is. */
    List<String> violations(FuzzedRequest request, HttpResponse<byte[]> answer, Duration took) {
        List<String> wrong = new ArrayList<>();
        int status = answer.statusCode();
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        String scanned = CLASSIFICATION.matcher(body).replaceAll("");
        String headers = answer.headers().map().toString();
        if (status >= 500) {
            wrong.add("HTTP " + status);
        }
        if (took.compareTo(TIME_BOUND) > 0) {
            wrong.add("answered after " + took.toMillis() + " ms");
        }
        for (String leak : LEAKS) {
            if (scanned.contains(leak) || headers.contains(leak)) {
                wrong.add("the answer contains '" + leak.strip() + "'");
            }
        }
        for (String secret : secrets) {
            if (body.contains(secret) || headers.contains(secret)) {
                wrong.add("the answer contains the API key");
            }
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean json = contentType.startsWith("application/json") || contentType.startsWith("application/graphql-response+json")
                || contentType.startsWith("application/graphql+json");
        if (request.method().equals("HEAD")) {
            if (answer.body().length > 0) {
                wrong.add("a body in the answer to HEAD");
            }
        } else if (request.method().equals("OPTIONS") && answer.body().length == 0) {
            return wrong; // which methods are allowed, in headers only
        } else if (json) {
            wrong.addAll(graphQLResponse(answer.body()));
        } else if (status == 200 && !request.method().equals("HEAD") && !request.method().equals("OPTIONS")) {
            wrong.add("HTTP 200 as '" + contentType + "', not JSON");
        } else if (status >= 300 && status != 304 && body.length() > 300) {
            wrong.add("HTTP " + status + " with a body of " + body.length() + " characters as '" + contentType + "'");
        }
        return wrong;
    }

    /** What is wrong with a JSON answer: one GraphQL response, or a batch's array of them. */
    static List<String> graphQLResponse(byte[] body) {
        JsonNode answer;
        try {
            answer = STRICT.readTree(body);
        } catch (IOException e) {
            return List.of("not well-formed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> wrong = new ArrayList<>();
        if (answer != null && answer.isArray()) {
            answer.forEach(element -> wrong.addAll(oneResponse(element)));
        } else {
            wrong.addAll(oneResponse(answer));
        }
        return wrong;
    }

    private static List<String> oneResponse(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return List.of("a JSON answer that is no object: " + answer);
        }
        List<String> wrong = new ArrayList<>();
        answer.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                wrong.add("a top-level member '" + name + "'");
            }
        });
        if (!answer.has("data") && !answer.has("errors")) {
            wrong.add("neither data nor errors");
        }
        JsonNode errors = answer.get("errors");
        if (errors != null) {
            if (!errors.isArray() || errors.isEmpty()) {
                wrong.add("errors that are not a non-empty list: " + errors);
                return wrong;
            }
            for (JsonNode error : errors) {
                if (!error.path("message").isTextual() || error.path("message").asText().isBlank()) {
                    wrong.add("an error without a message: " + error);
                }
                JsonNode code = error.path("extensions").path("code");
                if (!code.isMissingNode() && !CODES.contains(code.asText())) {
                    wrong.add("an error whose code is not in docs/errors.md: " + code);
                }
            }
        }
        return wrong;
    }

    private static Set<String> documentedCodes() {
        Pattern row = Pattern.compile("^\\| `([A-Z_]+)` \\|");
        TreeSet<String> codes = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("docs", "errors.md"))) {
                Matcher code = row.matcher(line);
                if (code.find()) {
                    codes.add(code.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
