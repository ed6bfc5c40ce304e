package partnero.gateway.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static partnero.gateway.support.PartneroBodies.ALICE;
import static partnero.gateway.support.PartneroBodies.BOB_DELETED;
import static partnero.gateway.support.PartneroBodies.customerDetail;
import static partnero.gateway.support.PartneroBodies.one;
import static partnero.gateway.support.PartneroBodies.onlyPage;
import static partnero.gateway.support.PartneroBodies.page;
import static partnero.gateway.support.PartneroBodies.pageLink;
import static partnero.gateway.support.PartneroBodies.partnerDetail;
import static partnero.gateway.support.PartneroBodies.transaction;
import static partnero.gateway.support.PartneroStub.LIST_PATH;
import static partnero.gateway.support.PartneroStub.SEARCH_PATH;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import partnero.gateway.customer.Customer;
import partnero.gateway.customer.PageInfo;
import partnero.gateway.graph.Partner;
import partnero.gateway.graph.Transaction;
import partnero.gateway.support.AgainstPartneroStub;
import partnero.gateway.support.LogCapture;
import partnero.gateway.web.GraphQLRequest;

/**
 * A compiled plan answers exactly as graphql-java does. Each case is answered first by graphql-java
 * (no plan yet; it then learns one), then by the plan, and the two answers must be the same bytes;
 * then other variables, by plan and by graphql-java again. The documents are generated (seeded, so a
 * failure names a case that can be replayed): aliases, repeated and merged fields, named and inline
 * fragments, {@code @skip}/{@code @include} by literal and by variable, {@code __typename}, variables
 * with and without defaults, explicit nulls, several root fields; the data has nulls, an empty page
 * and text that must be escaped (every control character, quotes, a backslash, non-ASCII beyond the
 * Basic Multilingual Plane), and the graph's nested fields (a customer's status, tags, partner and
 * transactions, a transaction's partner and customer, a partner's details) with their own arguments.
 * Where graphql-java reports an error, the plan hands the request over and the answer and the
 * Partnero calls are graphql-java's alone.
 */
@QuarkusTest
class CompiledPlanDifferentialTest extends AgainstPartneroStub {

    private static final String ESCAPED = """
            {
              "key": "customer_789",
              "partner": "partner_\\"quoted\\"",
              "deleted": false,
              "name": "Zoë \\\\ back\\nslash\\ttab \\u0001 \\u2028 😀 </script> \\"q\\" / \\u007f\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\u0009\\u000a\\u000b\\u000c\\u000d\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f",
              "surname": null,
              "email": "zoe+tag@example.com",
              "created_at": "2024-12-31T23:59:59.999999Z",
              "updated_at": null,
              "deleted_at": null
            }""";

    // the schema's leaf fields, from the records the schema is built from: a new field is generated without a word here
    private static final String[] CUSTOMER_FIELDS = leafFields(Customer.class);
    private static final String[] PAGE_INFO_FIELDS = leafFields(PageInfo.class);
    private static final String[] PARTNER_FIELDS = leafFields(Partner.class);
    private static final String[] TRANSACTION_FIELDS = leafFields(Transaction.class);

    @Inject
    CompiledPlans plans;

    @BeforeEach
    void partneroWithAPageOfThreeAndASearch() {
        assertTrue(plans.enabled(), "compiled plans are on by default");
        wireMock.listAnswers(okJson(page(2, 3, "4", "6", pageLink(1), pageLink(3), ALICE, BOB_DELETED, ESCAPED)));
        wireMock.searchAnswers(okJson(one(ESCAPED)));
        wireMock.stubFor(get(urlPathMatching("/v1/customers/.+")).willReturn(okJson(one(customerDetail("customer_123", "partner_123",
                "active", "vip", "gold")))));
        wireMock.stubFor(get(urlPathMatching("/v1/partners/.+")).willReturn(okJson(one(partnerDetail("partner_123")))));
        wireMock.stubFor(get(urlPathEqualTo("/v1/transactions")).willReturn(okJson(onlyPage(
                transaction("txn_1", "customer_123", "partner_123", "99.99"), transaction("txn_2", "customer_456", "partner_9", "\"49.50\"")))));
    }

    @Test
    void generatedDocumentsAreAnsweredByThePlanWithGraphQLJavasExactBytes() {
        for (int seed = 1; seed <= 120; seed++) {
            Random random = new Random(seed);
            Case generated = new Generator(random).generate();
            String label = "case " + seed + ": " + generated.query() + " with " + generated.variables();

            plans.clear();
            String byEngine = answer(generated.query(), generated.variables());
            assertTrue(plans.find(request(generated.query(), generated.variables())).isPresent(), "no plan for " + label + " answered " + byEngine);
            double answeredBefore = plans.answeredCount();
            String byPlan = answer(generated.query(), generated.variables());
            assertEquals(answeredBefore + 1, plans.answeredCount(), "not answered by the plan: " + label);
            assertEquals(byEngine, byPlan, label);
            assertThat(label, byPlan, containsString("\"data\""));

            Map<String, Object> other = new Generator(new Random(seed * 31L)).variablesFor(generated.query());
            String otherByPlan = answer(generated.query(), other);
            plans.clear();
            String otherByEngine = answer(generated.query(), other);
            assertEquals(otherByEngine, otherByPlan, label + ", then " + other);
        }
    }

    @Test
    void anEmptyPageWithNullPositionsIsAnsweredAlike() {
        wireMock.listAnswers(okJson(page(9, 15, "null", "null", pageLink(8), "null")));
        String query = "{ customers(page: 9) { items { key } pageInfo { currentPage perPage from to hasNextPage hasPreviousPage } } }";
        plans.clear();
        String byEngine = answer(query, Map.of());
        double answeredBefore = plans.answeredCount();
        String byPlan = answer(query, Map.of());
        assertEquals(answeredBefore + 1, plans.answeredCount());
        assertEquals(byEngine, byPlan);
        assertThat(byPlan, containsString("\"from\":null"));
    }

    @Test
    void variablesThatDoNotCoerceGetGraphQLJavasErrorAndNoPartneroCall() {
        assertRefusedWithoutACall("query Page($limit: Int) { customers(limit: $limit) { items { key } } }", Map.of("limit", 2),
                Map.of("limit", "many"), "\"errors\"");
    }

    /** The plan's own coercion of variables (graphql-java's, with SmallRye's Int) already gives such a variable up to the engine. */
    @Test
    void anIntVariableThatIsNoWholeIntGetsTheEnginesRefusalAndNoPartneroCall() {
        assertRefusedWithoutACall("query Page($limit: Int) { customers(limit: $limit) { items { key } } }", Map.of("limit", 2),
                Map.of("limit", 2.5), "BAD_USER_INPUT");
    }

    @Test
    void anArgumentOutsideTheInputRulesGetsTheSameErrorAndNoPartneroCall() {
        assertRefusedWithoutACall("query Page($limit: Int) { customers(limit: $limit) { items { key } } }", Map.of("limit", 2),
                Map.of("limit", 300), "BAD_USER_INPUT");
    }

    @Test
    void aNestedPlanMeasuresAgainWithTheRequestsVariablesAndLeavesARefusalToTheEngine() {
        String query = "query Deep($limit: Int) { customers(limit: $limit) { items { key partner { id referralsCount } } } }";
        assertRefusedWithoutACall(query, Map.of("limit", 3), Map.of("limit", 200), "QUERY_TOO_COMPLEX");
        assertRefusedWithoutACall(query, Map.of("limit", 3), Map.of("limit", 0), "BAD_USER_INPUT");
    }

    /**
     * With the plan learnt from {@code learnt}, a request with {@code refused} is handed to graphql-java,
     * which answers it ({@code expected} in the answer) without a call to Partnero.
     */
    private void assertRefusedWithoutACall(String query, Map<String, Object> learnt, Map<String, Object> refused, String expected) {
        answer(query, learnt);
        assertTrue(plans.find(request(query, learnt)).isPresent(), "a plan for " + query);
        wireMock.resetRequests();

        assertHandedOverWithGraphQLJavasAnswer(query, refused, expected);
        wireMock.verifyNoCall();
    }

    @Test
    void aNestedPlanCallsPartneroOncePerEntityLikeTheEngine() {
        String query = "{ customers { items { key status partner { id tags } } } }";
        plans.clear();
        wireMock.resetRequests();
        String byEngine = answer(query, Map.of());
        int callsByEngine = wireMock.countRequestsMatching(getRequestedFor(anyUrl()).build()).getCount();
        wireMock.resetRequests();
        double answeredBefore = plans.answeredCount();

        String byPlan = answer(query, Map.of());

        assertEquals(answeredBefore + 1, plans.answeredCount(), "answered by the plan");
        assertEquals(byEngine, byPlan);
        assertEquals(callsByEngine, wireMock.countRequestsMatching(getRequestedFor(anyUrl()).build()).getCount());
        // one list, the three customers' details, the two partners (one customer has none)
        wireMock.verify(2, getRequestedFor(urlPathMatching("/v1/partners/.+")));
        wireMock.verify(3, getRequestedFor(urlPathMatching("/v1/customers/.+")));
    }

    @Test
    void aFailingNestedCallIsHandedToTheEngineWithoutAskingPartneroAgain() {
        String query = "{ customers { items { key partner { id } } } }";
        answer(query, Map.of());
        wireMock.stubFor(get(urlPathMatching("/v1/partners/.+")).willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(get(urlPathMatching("/v1/partners/partner_123")).willReturn(aResponse().withStatus(500)));
        wireMock.resetRequests();

        double handedOverBefore = plans.handedOverCount();
        String byPlan = answer(query, Map.of());
        assertEquals(handedOverBefore + 1, plans.handedOverCount());
        int callsByPlan = wireMock.countRequestsMatching(getRequestedFor(urlPathMatching("/v1/partners/.+")).build()).getCount();
        plans.clear();
        wireMock.resetRequests();
        String byEngine = answer(query, Map.of());

        assertEquals(byEngine, byPlan);
        assertThat(byPlan, containsString("\"errors\""));
        assertEquals(wireMock.countRequestsMatching(getRequestedFor(urlPathMatching("/v1/partners/.+")).build()).getCount(), callsByPlan,
                "attempts on Partnero, retries included");
    }

    /** The plan hands the request over, and the answer is what graphql-java answers without a plan. */
    private void assertHandedOverWithGraphQLJavasAnswer(String query, Map<String, Object> variables, String expected) {
        double handedOverBefore = plans.handedOverCount();
        String byPlan = answer(query, variables);
        assertEquals(handedOverBefore + 1, plans.handedOverCount());
        plans.clear();
        String byEngine = answer(query, variables);

        assertEquals(byEngine, byPlan);
        assertThat(byPlan, containsString(expected));
    }

    @Test
    void aFailingPartneroIsAskedAsOftenAsWithoutAPlanAndTheErrorIsTheSame() {
        String query = "query Page($page: Int) { customers(page: $page) { items { key } } }";
        answer(query, Map.of("page", 1));
        assertTrue(plans.find(request(query, Map.of("page", 1))).isPresent());
        wireMock.listAnswers(aResponse().withStatus(503));
        wireMock.resetRequests();

        double handedOverBefore = plans.handedOverCount();
        String byPlan = answer(query, Map.of("page", 2));
        assertEquals(handedOverBefore + 1, plans.handedOverCount());
        int callsByPlan = wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount();
        plans.clear();
        wireMock.resetRequests();
        String byEngine = answer(query, Map.of("page", 2));
        int callsByEngine = wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount();

        assertEquals(byEngine, byPlan);
        assertThat(byPlan, containsString("UPSTREAM_UNAVAILABLE"));
        assertEquals(callsByEngine, callsByPlan, "attempts on Partnero, retries included");
    }

    @Test
    void aHandedOverRequestIsLoggedOnceWithEveryAttemptOnPartnero() {
        String query = "query Logged($page: Int) { customers(page: $page) { items { key } } }";
        answer(query, Map.of("page", 1));
        wireMock.listAnswers(aResponse().withStatus(503));
        wireMock.resetRequests();
        LogCapture logs = LogCapture.start();
        try {
            double handedOverBefore = plans.handedOverCount();
            answer(query, Map.of("page", 2));
            assertEquals(handedOverBefore + 1, plans.handedOverCount());
        } finally {
            logs.stop();
        }

        int attempts = wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST_PATH)).build()).getCount();
        List<String> requestLines = logs.lines().stream().filter(line -> line.startsWith("partnero.gateway.requests ")).toList();
        assertEquals(1, requestLines.size(), "one line for the request: " + requestLines);
        assertThat(requestLines.get(0), containsString("graphql operation=Logged outcome=error"));
        assertThat(requestLines.get(0), containsString("upstream_calls=" + attempts + " errors=[UPSTREAM_UNAVAILABLE]"));
    }

    @Test
    void aPlannedAnswerAsksPartneroWithTheSameRequest() {
        String query = "query Find($email: String) { searchCustomer(email: $email) { key name } }";
        answer(query, Map.of("email", "first@example.com"));
        wireMock.resetRequests();
        double answeredBefore = plans.answeredCount();

        answer(query, Map.of("email", "zoe+tag@example.com"));

        assertEquals(answeredBefore + 1, plans.answeredCount());
        wireMock.verify(1, getRequestedFor(anyUrl()));
        wireMock.verify(getRequestedFor(urlPathEqualTo(SEARCH_PATH))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo("zoe+tag@example.com"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
    }

    @Test
    void aPlannedAnswerIsTimedAndCountedLikeAnyOther() {
        String query = "query Timed($limit: Int) { customers(limit: $limit) { items { key } } }";
        answer(query, Map.of("limit", 2));
        double before = timedSuccesses("Timed");

        answer(query, Map.of("limit", 3));

        assertEquals(before + 1, timedSuccesses("Timed"), "graphql_operations_seconds_count{operation=Timed,outcome=success}");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("graphql_compiled_plans_total{reason=\"none\",result=\"answered\"}"));
    }

    private static double timedSuccesses(String operation) {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines()
                .filter(line -> line.startsWith("graphql_operations_seconds_count{") && line.contains("operation=\"" + operation + "\"")
                        && line.contains("outcome=\"success\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .findFirst().orElse(0);
    }

    @Test
    void introspectionIsLeftToGraphQLJava() {
        for (String query : List.of("{ __schema { queryType { name } } }", "{ __type(name: \"Customer\") { name } }",
                "{ customers { items { key } } __schema { queryType { name } } }")) {
            plans.clear();
            String first = answer(query, Map.of());
            assertTrue(plans.find(request(query, Map.of())).isEmpty(), query);
            assertEquals(first, answer(query, Map.of()), query);
        }
    }

    private static String answer(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        Response response = given().contentType(ContentType.JSON).body(body).post("/graphql");
        assertEquals(200, response.statusCode());
        return new String(response.asByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * The record's components of scalar types (strings, numbers, booleans, timestamps, enums): the fields a
     * selection can end with, by their names in the schema.
     */
    private static String[] leafFields(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents())
                .filter(component -> component.getType().isPrimitive() || component.getType().isEnum()
                        || component.getType().getPackageName().equals("java.lang") || component.getType().getPackageName().equals("java.time")
                        || Number.class.isAssignableFrom(component.getType()))
                .map(component -> {
                    org.eclipse.microprofile.graphql.Name name = component.getAccessor().getAnnotation(org.eclipse.microprofile.graphql.Name.class);
                    return name == null ? component.getName() : name.value();
                }).toArray(String[]::new);
    }

    private static GraphQLRequest request(String query, Map<String, Object> variables) {
        JsonObject json = Json.createReader(new StringReader(Json.createObjectBuilder(variables).build().toString())).readObject();
        return new GraphQLRequest(query, null, json, null);
    }

    record Case(String query, Map<String, Object> variables) {
    }

    /** Random documents over the schema, with the variables they declare. */
    static final class Generator {

        private final Random random;
        private final StringBuilder fragments = new StringBuilder();
        private int aliases;
        private int fragmentCount;
        private boolean nestedAllowed;
        private boolean nestedAdded;

        Generator(Random random) {
            this.random = random;
        }

        private static final Map<String, String> DECLARATIONS = Map.of("page", "$page: Int", "limit", "$limit: Int = 3",
                "few", "$few: Int = 2", "partner", "$partner: String", "email", "$email: String = \"zoe@example.com\"",
                "flag", "$flag: Boolean!", "other", "$other: Boolean = true");

        Case generate() {
            StringBuilder roots = new StringBuilder();
            int rootCount = 1 + random.nextInt(3);
            for (int i = 0; i < rootCount; i++) {
                // after the first, root fields get an alias: one response key with other arguments would not validate
                String alias = i == 0 ? alias("r") : "r" + (aliases++) + ": ";
                nestedAllowed = i == 0 && random.nextBoolean(); // the first root's nested calls stay within the limit of 50
                switch (random.nextInt(5)) {
                    case 0, 1, 2 -> {
                        nestedAdded = false;
                        String selection = pageSelection();
                        roots.append(alias).append("customers").append(listArguments(nestedAdded)).append(' ')
                                .append(selection).append(' ');
                    }
                    case 3 -> roots.append(alias).append("searchCustomer").append(
                            random.nextBoolean() ? "(id: \"customer_789\")" : "(email: $email)").append(' ')
                            .append(customerSelection()).append(' ');
                    default -> roots.append(alias).append("__typename ");
                }
            }
            String body = roots.toString() + fragments;
            List<String> declared = new ArrayList<>(); // GraphQL refuses declared variables that are not used
            for (String name : List.of("page", "limit", "few", "partner", "email", "flag", "other")) {
                if (java.util.regex.Pattern.compile("\\$" + name + "\\b").matcher(body).find()) {
                    declared.add(DECLARATIONS.get(name));
                }
            }
            String query = "query Generated" + (declared.isEmpty() ? "" : "(" + String.join(", ", declared) + ")")
                    + " { " + roots + "} " + fragments;
            return new Case(query, variablesFor(query));
        }

        Map<String, Object> variablesFor(String query) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("flag", random.nextBoolean());
            if (random.nextBoolean()) {
                variables.put("page", 1 + random.nextInt(5));
            }
            switch (random.nextInt(3)) {
                case 0 -> variables.put("limit", 1 + random.nextInt(250));
                case 1 -> variables.put("limit", null); // explicit null: the resolver's default, not the variable's
                default -> { }
            }
            if (random.nextBoolean()) {
                variables.put("few", 1 + random.nextInt(3)); // a nested list's limit: its calls count per item
            }
            if (random.nextBoolean()) {
                variables.put("partner", random.nextBoolean() ? "partner_123" : null);
            }
            if (random.nextBoolean()) {
                variables.put("other", random.nextBoolean());
            }
            if (random.nextBoolean()) {
                variables.put("email", "zoe+" + random.nextInt(9) + "@example.com");
            }
            if (random.nextInt(4) == 0) {
                variables.put("unused", "ignored by both");
            }
            return variables;
        }

        private String alias(String prefix) {
            return random.nextInt(3) == 0 ? prefix + (aliases++) + ": " : "";
        }

        /** A list's arguments; with nested calls below it ({@code nested}), a limit of at most 3, so the worst case stays within 50 calls. */
        private String listArguments(boolean nested) {
            List<String> arguments = new ArrayList<>();
            switch (random.nextInt(3)) {
                case 0 -> arguments.add("page: $page");
                case 1 -> arguments.add("page: " + (1 + random.nextInt(3)));
                default -> { }
            }
            switch (random.nextInt(3)) {
                case 0 -> arguments.add(nested ? "limit: $few" : "limit: $limit");
                case 1 -> arguments.add("limit: " + (1 + random.nextInt(nested ? 3 : 20)));
                default -> arguments.add(nested ? "limit: 3" : "");
            }
            arguments.remove("");
            if (random.nextInt(3) == 0) {
                arguments.add("partnerKey: $partner");
            }
            return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
        }

        private String pageSelection() {
            StringBuilder selection = new StringBuilder("{ ");
            int parts = 1 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                switch (random.nextInt(4)) {
                    case 0, 1 -> selection.append(alias("items")).append("items").append(condition()).append(' ')
                            .append(customerSelection()).append(' ');
                    case 2 -> selection.append("pageInfo ").append(leaves(PAGE_INFO_FIELDS, "PageInfo")).append(' ');
                    default -> selection.append("__typename ");
                }
            }
            return selection.append('}').toString();
        }

        private String customerSelection() {
            String leaves = leaves(CUSTOMER_FIELDS, "Customer");
            if (!nestedAllowed) {
                return leaves;
            }
            nestedAllowed = false; // one selection with nested fields per document: its worst case stays within the limit
            nestedAdded = true;
            StringBuilder nested = new StringBuilder(leaves.substring(0, leaves.length() - 1));
            if (random.nextBoolean()) {
                nested.append(random.nextBoolean() ? "status " : "tags ").append(random.nextBoolean() ? "status " : "");
            }
            if (random.nextBoolean()) {
                nested.append(alias("p")).append("partner").append(condition()).append(' ').append(partnerSelection()).append(' ');
            }
            if (random.nextBoolean()) {
                nested.append("transactions").append(random.nextBoolean() ? "(limit: $few)" : "(page: 1, limit: 2)").append(" { items ")
                        .append(transactionSelection()).append(" pageInfo { hasNextPage } } ");
            }
            return nested.append('}').toString();
        }

        private String partnerSelection() {
            String leaves = leaves(PARTNER_FIELDS, "Partner");
            return leaves.substring(0, leaves.length() - 1) + (random.nextBoolean() ? "referralsCount tags " : "")
                    + (random.nextBoolean() ? "stats { clicks revenue { currency amount } } commissions { paid pending { amount } } " : "")
                    + "}";
        }

        private String transactionSelection() {
            String leaves = leaves(TRANSACTION_FIELDS, "Transaction");
            return leaves.substring(0, leaves.length() - 1) + (random.nextBoolean() ? "rewards { amount isCurrency } " : "")
                    + (random.nextBoolean() ? "partner { id name } " : "") + (random.nextBoolean() ? "customer { key email } " : "") + "}";
        }

        /** A selection of leaf fields, with aliases, repeats, conditions and fragments. */
        private String leaves(String[] fields, String type) {
            StringBuilder selection = new StringBuilder("{ ");
            int count = 1 + random.nextInt(fields.length + 2);
            for (int i = 0; i < count; i++) {
                String field = fields[random.nextInt(fields.length)];
                switch (random.nextInt(8)) {
                    case 0 -> selection.append("... on ").append(type).append(condition()).append(" { ").append(field).append(" } ");
                    case 1 -> selection.append("...").append(condition()).append(" { ").append(alias("in")).append(field).append(" } ");
                    case 2 -> {
                        String name = "Bits" + (fragmentCount++);
                        fragments.append("fragment ").append(name).append(" on ").append(type).append(" { ").append(field)
                                .append(random.nextBoolean() ? " __typename" : "").append(" } ");
                        selection.append("...").append(name).append(condition()).append(' ');
                    }
                    case 3 -> selection.append("__typename ");
                    default -> selection.append(alias("f")).append(field).append(condition()).append(' ');
                }
            }
            return selection.append('}').toString();
        }

        private String condition() {
            return switch (random.nextInt(7)) {
                case 0 -> " @skip(if: $flag)";
                case 1 -> " @include(if: $flag)";
                case 2 -> " @include(if: $other)";
                case 3 -> " @skip(if: " + random.nextBoolean() + ")";
                case 4 -> " @include(if: true) @skip(if: $other)";
                default -> "";
            };
        }
    }
}
