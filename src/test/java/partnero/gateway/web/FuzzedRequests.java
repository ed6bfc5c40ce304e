package partnero.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import partnero.gateway.support.GraphQL;

/**
 * Requests for {@code /graphql}, generated with jqwik's arbitraries: GraphQL documents built from the
 * printed schema ({@code contracts/schema.graphql}: every root field, nested fields, arguments as
 * literals or variables, valid and not, aliases, fragments, directives), sent as a web application
 * sends them, then mutated the ways hostile or broken clients send them: truncated or invalid UTF-8
 * bodies, deep nesting, huge or wrong-typed variables, unknown operations, duplicate JSON keys, odd
 * headers and media types, GET and POST, batches and persisted-query extensions.
 * <p>
 * Keys and ids in arguments come from a small pool that the stubbed Partnero of
 * {@link FuzzedRequestsTest} answers (some with 404, 503 or a body that cannot be read), so that
 * valid documents reach Partnero and its failures as well as the gateway's refusals.
 */
final class FuzzedRequests {

    static final GraphQLSchema SCHEMA = schema();
    /** Keys and ids of the stubbed Partnero: found, not found, failing, unreadable. */
    static final List<String> KEYS = List.of("customer_123", "partner_123", "t1", "missing-1", "fail-1", "garbage-1", "a b/c", "ü%2F");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 5;
    private static final List<String> ERROR_PRONE_NAMES = List.of("nope", "__schema", "__type", "password", "items");

    private final String clientKey;
    private final Arbitrary<FuzzedRequest> requests;

    FuzzedRequests(String clientKey) {
        this.clientKey = clientKey;
        this.requests = requests();
    }

    /** One operation: its document, the name to run and the variables, as a client sends them. */
    record Operation(String document, String operationName, Map<String, Object> variables) {

        Map<String, Object> envelope() {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("query", document);
            if (operationName != null) {
                envelope.put("operationName", operationName);
            }
            if (!variables.isEmpty()) {
                envelope.put("variables", variables);
            }
            return envelope;
        }
    }

    /** A part of a document with the variables it declares and their values. */
    record Part(String text, Map<String, String> declarations, Map<String, Object> values) {

        static Part of(String text) {
            return new Part(text, Map.of(), Map.of());
        }

        static Part join(String prefix, String separator, String suffix, List<Part> parts) {
            Map<String, String> declarations = new LinkedHashMap<>();
            Map<String, Object> values = new LinkedHashMap<>();
            parts.forEach(part -> {
                declarations.putAll(part.declarations());
                values.putAll(part.values());
            });
            return new Part(parts.stream().map(Part::text).collect(Collectors.joining(separator, prefix, suffix)), declarations, values);
        }
    }

    /**
     * The request of case {@code seed}: jqwik's sampling (edge cases included) from its source of
     * randomness for this thread, seeded so that the same seed always gives the same request. jqwik
     * generates outside its own engine only by sampling; the fuzz runs under JUnit Jupiter, where
     * {@code @QuarkusTest} starts the gateway.
     */
    synchronized FuzzedRequest request(long seed) { // jqwik's sampling is not made for several threads at once
        SourceOfRandomness.create(Long.toString(seed));
        return requests.sample();
    }

    // ---- the requests

    /** Every kind of request, weighted so that about a third are what a well-behaved web application sends. */
    Arbitrary<FuzzedRequest> requests() {
        return Arbitraries.frequencyOf(Tuple.of(30, wellFormedPosts()), Tuple.of(10, gets()), Tuple.of(5, truncatedBodies()),
                Tuple.of(5, invalidUtf8Bodies()), Tuple.of(4, deepNesting()), Tuple.of(4, hugeVariables()), Tuple.of(6, wrongTypedEnvelopes()),
                Tuple.of(4, duplicateKeys()), Tuple.of(5, unknownOperations()), Tuple.of(6, batches()), Tuple.of(6, persistedQueries()),
                Tuple.of(5, randomBodies()), Tuple.of(3, graphqlBodies()), Tuple.of(3, otherMethods()));
    }

    Arbitrary<FuzzedRequest> wellFormedPosts() {
        return Combinators.combine(operations(), headers(true)).as((operation, headers) ->
                post("well-formed POST", headers, json(operation.envelope())));
    }

    Arbitrary<FuzzedRequest> gets() {
        Arbitrary<String> variables = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(2, Arbitraries.just("{")),
                Tuple.of(1, Arbitraries.just("[1]")), Tuple.of(1, Arbitraries.just("%FF%FE")), Tuple.of(1, Arbitraries.just("null")));
        Arbitrary<String> extra = Arbitraries.of("", "&query=%7B__typename%7D", "&operationName=", "&extensions=%7B%7D",
                "&extensions=%7B%22persistedQuery%22%3A1%7D", "&variables=%C3%28", "&query", "&&&", "&x=%E2%82");
        return Combinators.combine(operations(), headers(false), variables, extra, Arbitraries.of(true, false)).as((operation, headers, brokenVariables, more, mutation) -> {
            String document = mutation ? "mutation { customers { items { key } } }" : operation.document();
            StringBuilder query = new StringBuilder("query=").append(encode(document));
            if (operation.operationName() != null) {
                query.append("&operationName=").append(encode(operation.operationName()));
            }
            if (!brokenVariables.isEmpty()) {
                query.append("&variables=").append(brokenVariables.equals("%FF%FE") ? brokenVariables : encode(brokenVariables));
            } else if (!operation.variables().isEmpty()) {
                query.append("&variables=").append(encode(new String(json(operation.variables()), StandardCharsets.UTF_8)));
            }
            query.append(more);
            return new FuzzedRequest("GET", query.toString(), headers, null, "GET" + (mutation ? " of a mutation" : ""));
        });
    }

    Arbitrary<FuzzedRequest> truncatedBodies() {
        return Combinators.combine(operations(), headers(true), Arbitraries.doubles().between(0, 1)).as((operation, headers, where) -> {
            byte[] body = json(operation.envelope());
            return post("body truncated", headers, Arrays.copyOf(body, (int) (body.length * where)));
        });
    }

    Arbitrary<FuzzedRequest> invalidUtf8Bodies() {
        List<byte[]> invalid = List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF });
        return Combinators.combine(operations(), headers(true), Arbitraries.of(invalid), Arbitraries.doubles().between(0, 1)).as((operation, headers, bytes, where) -> {
            byte[] body = json(operation.envelope());
            int at = (int) (body.length * where);
            byte[] mutated = new byte[body.length + bytes.length];
            System.arraycopy(body, 0, mutated, 0, at);
            System.arraycopy(bytes, 0, mutated, at, bytes.length);
            System.arraycopy(body, at, mutated, at + bytes.length, body.length - at);
            return post("invalid UTF-8 at byte " + at, headers, mutated);
        });
    }

    Arbitrary<FuzzedRequest> deepNesting() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(16, 20_000).withDistribution(net.jqwik.api.RandomDistribution.biased());
        return Combinators.combine(depth, Arbitraries.of("fields", "lists", "objects", "json", "fragments"), headers(true)).as((levels, kind, headers) -> {
            Map<String, Object> envelope = new LinkedHashMap<>();
            switch (kind) {
                case "fields" -> envelope.put("query", "{ customers { items { partner " + "{ name ".repeat(levels) + "}".repeat(levels) + " } } }");
                case "lists" -> envelope.put("query", "{ customers(page: " + "[".repeat(levels) + "1" + "]".repeat(levels) + ") { items { key } } }");
                case "objects" -> envelope.put("query", "{ customers(page: " + "{a: ".repeat(levels) + "1" + "}".repeat(levels) + ") { items { key } } }");
                case "fragments" -> {
                    StringBuilder document = new StringBuilder("{ customers { items { ...F0 } } }");
                    for (int i = 0; i < Math.min(levels, 400); i++) {
                        document.append(" fragment F").append(i).append(" on Customer { key ...F").append(i + 1).append(" }");
                    }
                    envelope.put("query", document.append(" fragment F").append(Math.min(levels, 400)).append(" on Customer { key }").toString());
                }
                default -> envelope.put("query", "query Q($p: Int) { customers(page: $p) { items { key } } }");
            }
            byte[] body = json(envelope);
            if (kind.equals("json")) {
                String text = new String(body, StandardCharsets.UTF_8);
                body = (text.substring(0, text.length() - 1) + ", \"variables\": {\"p\": " + "[".repeat(levels) + "]".repeat(levels) + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            return post("nested " + levels + " levels deep (" + kind + ")", headers, body);
        });
    }

    Arbitrary<FuzzedRequest> hugeVariables() {
        Arbitrary<Object> huge = Arbitraries.oneOf(
                Arbitraries.integers().between(10_000, 900_000).map(length -> (Object) "x".repeat(length)),
                Arbitraries.integers().between(1_000, 100_000).map(length -> (Object) java.util.Collections.nCopies(length, 7)),
                Arbitraries.just(new BigInteger("9".repeat(400))),
                Arbitraries.just(1e308),
                Arbitraries.integers().between(1_000, 30_000).map(size -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        object.put("k" + i, i);
                    }
                    return (Object) object;
                }));
        return Combinators.combine(huge, Arbitraries.of("page", "email", "key", "unused"), headers(true)).as((value, name, headers) -> {
            String document = switch (name) {
                case "page" -> "query Q($page: Int) { customers(page: $page) { items { key } } }";
                case "email" -> "query Q($email: String) { searchCustomer(email: $email) { key } }";
                case "key" -> "query Q($key: String!) { customer(key: $key) { key tags } }";
                default -> "{ customers { items { key } } }";
            };
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put(name, value);
            return post("huge variable " + name + " (" + value.getClass().getSimpleName() + ")", headers,
                    json(new Operation(document, null, variables).envelope()));
        });
    }

    Arbitrary<FuzzedRequest> wrongTypedEnvelopes() {
        Arbitrary<Object> odd = Arbitraries.<Object>of(42, "text", List.of(1, "a"), Map.of("a", 1), true, -1.5, "", List.of());
        return Combinators.combine(operations(), Arbitraries.of("query", "variables", "operationName", "extensions"), odd, headers(true))
                .as((operation, field, value, headers) -> {
                    Map<String, Object> envelope = new LinkedHashMap<>(operation.envelope());
                    envelope.put(field, value);
                    return post("'" + field + "' as " + value.getClass().getSimpleName(), headers, json(envelope));
                });
    }

    Arbitrary<FuzzedRequest> duplicateKeys() {
        return Combinators.combine(operations(), operations(), Arbitraries.of("query", "variables", "operationName", "extensions"), headers(true))
                .as((first, second, key, headers) -> {
                    String body = new String(json(first.envelope()), StandardCharsets.UTF_8);
                    Object value = switch (key) {
                        case "query" -> second.document();
                        case "variables" -> second.variables();
                        case "operationName" -> "Other";
                        default -> GraphQL.persisted(GraphQL.sha256(second.document()));
                    };
                    String duplicated = body.substring(0, body.length() - 1) + ", " + new String(json(Map.of(key, value)), StandardCharsets.UTF_8).substring(1);
                    return post("duplicate key '" + key + "'", headers, duplicated.getBytes(StandardCharsets.UTF_8));
                });
    }

    Arbitrary<FuzzedRequest> unknownOperations() {
        Arbitrary<String> name = Arbitraries.oneOf(identifiers(), Arbitraries.of("", " ", "__proto__", "Q", "Q Q", "$"));
        Arbitrary<String> document = Arbitraries.of(
                "query A { customers { items { key } } } query B { partners { items { id } } }",
                "mutation M { customers { items { key } } }",
                "subscription S { customers { items { key } } }",
                "query A { customers { items { key } } } query A { partners { items { id } } }",
                "{ customers { items { key } } } query B { partners { items { id } } }",
                "fragment F on Customer { key }",
                "extend type Query { x: Int }",
                "schema { query: Query }");
        return Combinators.combine(document, name, headers(true)).as((text, operationName, headers) ->
                post("operation '" + operationName + "'", headers, json(new Operation(text, operationName, Map.of()).envelope())));
    }

    Arbitrary<FuzzedRequest> batches() {
        Arbitrary<Object> element = Arbitraries.frequencyOf(
                Tuple.of(8, operations().map(operation -> (Object) operation.envelope())),
                Tuple.of(1, Arbitraries.<Object>of(1, "x", List.of(), Map.of())),
                Tuple.of(1, Arbitraries.just((Object) Map.of("extensions", GraphQL.persisted("0".repeat(64))))));
        return Combinators.combine(element.list().ofMinSize(0).ofMaxSize(8), headers(true)).as((operations, headers) ->
                post("batch of " + operations.size(), headers, json(operations)));
    }

    Arbitrary<FuzzedRequest> persistedQueries() {
        Arbitrary<String> kind = Arbitraries.of("hash only", "hash and document", "wrong hash", "version 2", "malformed hash", "hash of a known document",
                "persistedQuery as a string");
        return Combinators.combine(operations(), kind, headers(true), Arbitraries.of(true, false)).as((operation, what, headers, get) -> {
            String hash = GraphQL.sha256(operation.document());
            Map<String, Object> envelope = new LinkedHashMap<>(operation.envelope());
            Map<String, Object> persisted = new LinkedHashMap<>(Map.of("version", 1, "sha256Hash", hash));
            switch (what) {
                case "hash only" -> envelope.remove("query");
                case "wrong hash" -> persisted.put("sha256Hash", GraphQL.sha256(operation.document() + " "));
                case "version 2" -> persisted.put("version", 2);
                case "malformed hash" -> persisted.put("sha256Hash", "../../etc/passwd");
                case "hash of a known document" -> {
                    envelope.remove("query");
                    persisted.put("sha256Hash", GraphQL.sha256("{ customers { items { key } } }"));
                }
                default -> {
                }
            }
            envelope.put("extensions", what.equals("persistedQuery as a string") ? Map.of("persistedQuery", hash) : Map.of("persistedQuery", persisted));
            if (get) {
                StringBuilder query = new StringBuilder("extensions=").append(encode(new String(json(envelope.get("extensions")), StandardCharsets.UTF_8)));
                if (envelope.containsKey("query")) {
                    query.append("&query=").append(encode(operation.document()));
                }
                return new FuzzedRequest("GET", query.toString(), withoutContentType(headers), null, "persisted query over GET: " + what);
            }
            return post("persisted query: " + what, headers, json(envelope));
        });
    }

    Arbitrary<FuzzedRequest> randomBodies() {
        Arbitrary<byte[]> bytes = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("", " ", "null", "[]", "{}", "[[]]", "\"query\"", "{\"query\"}", "{\"query\":}", "{\"query\": \"{\"}", "\uFEFF{\"query\": \"{ customers { items { key } } }\"}",
                        "{\"query\": \"{ customers { items { key } } }\"} trailing", "{\"query\": \"{ customers { items { key } } }\"}{}",
                        "{'query': '{ customers { items { key } } }'}", "{\"query\": \"\\ud800\"}", "{\"query\": \"\\u0000\"}", "[{}, [], null]",
                        "{\"query\": \"{ customers(limit: 1e9) { items { key } } }\"}", "{\"query\": \"# only a comment\"}")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(bytes, headers(true)).as((body, headers) -> post("random body", headers, body));
    }

    Arbitrary<FuzzedRequest> graphqlBodies() {
        return Combinators.combine(operations(), headers(true), Arbitraries.of("application/graphql", "application/graphql; charset=utf-8"))
                .as((operation, headers, type) -> {
                    List<Map.Entry<String, String>> graphqlHeaders = new ArrayList<>(withoutContentType(headers));
                    graphqlHeaders.add(Map.entry("Content-Type", type));
                    return new FuzzedRequest("POST", null, graphqlHeaders, operation.document().getBytes(StandardCharsets.UTF_8), "document as " + type);
                });
    }

    Arbitrary<FuzzedRequest> otherMethods() {
        return Combinators.combine(Arbitraries.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"), operations(), headers(true))
                .as((method, operation, headers) -> new FuzzedRequest(method, null, headers, method.equals("HEAD") || method.equals("TRACE") ? null : json(operation.envelope()),
                        method + " /graphql"));
    }

    // ---- headers

    /** Authorization, Accept, Content-Type (for a body) and a few others, mostly as clients send them. */
    Arbitrary<List<Map.Entry<String, String>>> headers(boolean withBody) {
        Arbitrary<String> authorization = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("Bearer " + clientKey)),
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("Bearer ", "Bearer  ", "bearer " + clientKey, "Basic " + clientKey, "Bearer " + clientKey + " extra",
                        "Token " + clientKey, "Bearer\t" + clientKey)));
        Arbitrary<String> accept = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(4, Arbitraries.just("application/graphql-response+json")),
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("*/*", "application/graphql-response+json, application/json;q=0.9", "text/html", "application/*",
                        "application/xml", "application/json;q=0", "*/*;q=abc", ";;;,", "application/graphql+json", "text/event-stream", "multipart/mixed")));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just("application/json")),
                Tuple.of(2, Arbitraries.of("application/json; charset=utf-8", "application/json; charset=latin1", "APPLICATION/JSON", "application/json, application/json")),
                Tuple.of(2, Arbitraries.of("", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=\"",
                        "application/octet-stream", "*/*", "application/graphql-response+json", "json")));
        Arbitrary<Map.Entry<String, String>> other = Arbitraries.of(
                Map.entry("Origin", "https://app.example"), Map.entry("Origin", "https://evil.example"), Map.entry("Origin", "null"),
                Map.entry("If-None-Match", "\"abc\""), Map.entry("If-None-Match", "*"), Map.entry("Accept-Encoding", "gzip, deflate, br"),
                Map.entry("Accept-Charset", "latin1"), Map.entry("Cookie", "session=1"), Map.entry("X-Forwarded-For", "1.2.3.4, unknown"),
                Map.entry("Traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), Map.entry("Traceparent", "garbage"),
                Map.entry("Access-Control-Request-Method", "POST"), Map.entry("Range", "bytes=0-5"), Map.entry("X-Apollo-Operation-Name", "Q"),
                Map.entry("Apollo-Require-Preflight", "true"), Map.entry("X-Request-Id", "x".repeat(2000)), Map.entry("Authorization", "Bearer second-" + clientKey));
        return Combinators.combine(authorization, accept, contentType, other.list().ofMaxSize(3)).as((auth, acceptValue, type, others) -> {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (!auth.isEmpty()) {
                headers.add(Map.entry("Authorization", auth));
            }
            if (!acceptValue.isEmpty()) {
                headers.add(Map.entry("Accept", acceptValue));
            }
            if (withBody && !type.isEmpty()) {
                headers.add(Map.entry("Content-Type", type));
            }
            headers.addAll(others);
            return headers;
        });
    }

    private static List<Map.Entry<String, String>> withoutContentType(List<Map.Entry<String, String>> headers) {
        return headers.stream().filter(header -> !header.getKey().equalsIgnoreCase("Content-Type")).toList();
    }

    // ---- documents from the schema

    /** One operation over the schema's root fields, valid most of the time. */
    Arbitrary<Operation> operations() {
        GraphQLObjectType query = SCHEMA.getQueryType();
        Arbitrary<Part> roots = Arbitraries.of(query.getFieldDefinitions()).list().ofMinSize(1).ofMaxSize(3)
                .flatMap(fields -> Combinators.combine(fields.stream().map(field -> field(field, 1)).toList())
                        .as(parts -> Part.join("{ ", " ", " }", parts)));
        Arbitrary<String> kind = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("query")), Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("mutation", "subscription", "Query", "query query")));
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(2, identifiers()));
        Arbitrary<String> fragment = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" fragment Unused on Customer { key }", " fragment F on Nope { key }", " {", " }", " query", " # a comment",
                        " query Second { partners { items { id } } }")));
        return Combinators.combine(roots, kind, name, fragment, Arbitraries.integers().between(0, 9)).as((root, operationKind, operationName, tail, nameChoice) -> {
            String declarations = root.declarations().entrySet().stream().map(entry -> "$" + entry.getKey() + ": " + entry.getValue())
                    .collect(Collectors.joining(", "));
            String header = operationKind.isEmpty() && declarations.isEmpty() ? ""
                    : (operationKind.isEmpty() ? "query" : operationKind) + (operationName.isEmpty() ? "" : " " + operationName)
                            + (declarations.isEmpty() ? "" : "(" + declarations + ")") + " ";
            // the name to run: mostly the operation's own, now and then none or another
            String run = nameChoice < 6 ? (operationName.isEmpty() ? null : operationName) : nameChoice < 8 ? null : "Other";
            return new Operation(header + root.text() + tail, run, root.values());
        });
    }

    private Arbitrary<Part> field(GraphQLFieldDefinition field, int depth) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        Arbitrary<String> alias = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")), Tuple.of(1, identifiers().map(name -> name + ": ")));
        Arbitrary<Part> arguments = arguments(field);
        Arbitrary<Part> selection;
        if (type instanceof GraphQLObjectType object) {
            selection = depth >= MAX_DEPTH ? Arbitraries.just(Part.of(" { __typename }"))
                    : Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.lazy(() -> selectionSet(object, depth + 1))), Tuple.of(1, Arbitraries.just(Part.of(""))));
        } else {
            selection = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(Part.of(""))), Tuple.of(1, Arbitraries.just(Part.of(" { key }"))));
        }
        Arbitrary<String> directive = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" @skip(if: true)", " @include(if: false)", " @include(if: true)", " @skip(if: 1)", " @deprecated", " @nope")));
        return Combinators.combine(alias, arguments, directive, selection).as((aliasText, argumentPart, directiveText, selectionPart) ->
                Part.join(aliasText + field.getName(), "", "", List.of(argumentPart, Part.of(directiveText), selectionPart)));
    }

    private Arbitrary<Part> selectionSet(GraphQLObjectType type, int depth) {
        Arbitrary<Part> fields = Arbitraries.of(type.getFieldDefinitions()).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(chosen -> Combinators.combine(chosen.stream().map(field -> field(field, depth)).toList())
                        .as(parts -> Part.join("", " ", "", parts)));
        Arbitrary<String> extra = Arbitraries.frequencyOf(Tuple.of(16, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" __typename", " ... on " + type.getName() + " { __typename }", " ... on Partner { id }", " ...Missing")),
                Tuple.of(1, Arbitraries.of(ERROR_PRONE_NAMES).map(name -> " " + name)));
        return Combinators.combine(fields, extra).as((part, more) -> Part.join(" { ", "", " }", List.of(part, Part.of(more))));
    }

    private Arbitrary<Part> arguments(GraphQLFieldDefinition field) {
        if (field.getArguments().isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(Part.of(""))), Tuple.of(1, Arbitraries.just(Part.of("(page: 1)"))));
        }
        List<Arbitrary<Part>> arguments = field.getArguments().stream().map(this::argument).toList();
        Arbitrary<String> unknown = Arbitraries.frequencyOf(Tuple.of(25, Arbitraries.just("")), Tuple.of(1, Arbitraries.of("nope: 1", "limit: 2", "page: null")));
        return Combinators.combine(Combinators.combine(arguments).as(parts -> parts), unknown).as((parts, extra) -> {
            List<Part> present = new ArrayList<>(parts.stream().filter(part -> !part.text().isEmpty()).toList());
            if (!extra.isEmpty()) {
                present.add(Part.of(extra));
            }
            return present.isEmpty() ? Part.of("") : Part.join("(", ", ", ")", present);
        });
    }

    private Arbitrary<Part> argument(GraphQLArgument argument) {
        boolean required = argument.getType() instanceof GraphQLNonNull;
        String typeName = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(argument.getType())).getName();
        boolean integer = typeName.equals("Int");
        Arbitrary<Part> absent = Arbitraries.just(Part.of(""));
        Arbitrary<Part> literal = (integer ? intLiterals() : stringLiterals(argument.getName())).map(value -> Part.of(argument.getName() + ": " + value));
        Arbitrary<Part> variable = Combinators.combine(Arbitraries.integers().between(0, 99), declaredTypes(GraphQLTypeUtil.simplePrint(argument.getType())),
                integer ? intValues() : stringValues(argument.getName())).as((suffix, declared, value) -> {
                    String name = argument.getName() + suffix;
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put(name, value);
                    return new Part(argument.getName() + ": $" + name, Map.of(name, declared), value == Absent.VALUE ? Map.of() : values);
                });
        return Arbitraries.frequencyOf(Tuple.of(required ? 1 : 8, absent), Tuple.of(8, literal), Tuple.of(5, variable));
    }

    /** A variable's declared type: its argument's mostly, now and then another. */
    private static Arbitrary<String> declaredTypes(String correct) {
        return Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.just(correct)),
                Tuple.of(1, Arbitraries.of("Int", "String", "String!", "Int!", "[String]", "Boolean", "Nope", "BigDecimal", "DateTime")));
    }

    /** A variable left out of {@code variables}. */
    private enum Absent {
        VALUE
    }

    private static Arbitrary<String> intLiterals() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(1, 20).map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("0", "-1", "250", "251", "2147483647", "-2147483648")),
                Tuple.of(1, Arbitraries.of("2147483648", "99999999999999999999", "1.5", "1e3", "\"5\"", "null", "FIVE", "[1]", "{a: 1}", "$undeclared", "0x10", "01", "-0")));
    }

    private static Arbitrary<Object> intValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(1, 20).map(value -> (Object) value)),
                Tuple.of(2, Arbitraries.of(0, -1, 250, 251, Integer.MAX_VALUE, Integer.MIN_VALUE).map(value -> (Object) value)),
                Tuple.of(2, Arbitraries.<Object>of(Absent.VALUE, "5", 1.5, 2147483648L, new BigInteger("99999999999999999999"), true, List.of(1), Map.of("a", 1), "")),
                Tuple.of(1, Arbitraries.<Object>just(null)));
    }

    private Arbitrary<String> stringLiterals(String argument) {
        return stringValues(argument).map(value -> value instanceof String text ? quoted(text)
                : value == Absent.VALUE ? "$undeclared" : value == null ? "null" : String.valueOf(value));
    }

    private Arbitrary<Object> stringValues(String argument) {
        Arbitrary<Object> realistic = argument.equals("email") || argument.equals("partnerEmail")
                ? Arbitraries.of("alice.brown@partnero.com", "bob@example.com", "not-an-email", "a@b", "@", "é@ü.example").map(value -> (Object) value)
                : Arbitraries.of(KEYS).map(value -> (Object) value);
        return Arbitraries.frequencyOf(
                Tuple.of(12, realistic),
                Tuple.of(3, Arbitraries.of("", " ", "\t", "\u0000", "\uD800", "'; DROP TABLE customers; --", "../../v1/partners", "%2e%2e%2f", "?limit=999",
                        "customer_123#frag", "\\", "\"", "\u202Eevil", "🙂".repeat(50)).map(value -> (Object) value)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40).map(value -> (Object) value)),
                Tuple.of(1, Arbitraries.<Object>of(Absent.VALUE, 5, true, List.of("a"), Map.of("a", "b"), 1.5)),
                Tuple.of(1, Arbitraries.<Object>just(null)));
    }

    /** A GraphQL string literal of {@code text}, escaped as the language asks (lone surrogates as \\u escapes). */
    static String quoted(String text) {
        StringBuilder literal = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                literal.append('\\').append((char) c);
            } else if (c < 0x20 || Character.isSurrogate((char) c)) {
                literal.append(String.format("\\u%04x", c));
            } else {
                literal.append((char) c);
            }
        });
        return literal.append('"').toString();
    }

    private static Arbitrary<String> identifiers() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(8)
                .map(name -> "Q" + name);
    }

    // ---- building requests

    private static FuzzedRequest post(String how, List<Map.Entry<String, String>> headers, byte[] body) {
        return new FuzzedRequest("POST", null, headers, body, how);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static GraphQLSchema schema() {
        try {
            String sdl = Files.readString(Path.of("src", "test", "resources", "contracts", "schema.graphql"));
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
