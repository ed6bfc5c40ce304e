package partnero.gateway.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import partnero.gateway.support.AgainstPartneroStub;

/**
 * Guards of the engine room: each fails when a piece would silently stop covering what it must,
 * through a forgotten annotation today or a SmallRye change tomorrow.
 */
@QuarkusTest
class EngineGuardsTest extends AgainstPartneroStub {

    @Inject
    GraphQLSchema schema;

    /**
     * The upstream-call limit counts from the schema: a field a resolver answers (every root field, and
     * every nested field that is not its record's accessor) may call Partnero, so it must say so.
     */
    @Test
    void everyFieldAResolverAnswersDeclaresThePartneroCallsItMakes() {
        List<String> undeclared = new ArrayList<>();
        for (GraphQLObjectType type : objectTypes()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                boolean byResolver = type == schema.getQueryType() || !(schema.getCodeRegistry()
                        .getDataFetcher(FieldCoordinates.coordinates(type, field), field) instanceof RecordFieldFetchers.AccessorFetcher);
                if (byResolver && (OperationShape.declaredCalls(field).isEmpty() || OperationShape.declaredEndpoint(field).isEmpty())) {
                    undeclared.add(type.getName() + "." + field.getName());
                }
            }
        }

        assertEquals(List.of(), undeclared, "fields without @PartneroCalls(value, endpoint) escape the upstream-call limit");
        assertEquals("GET /partners/{id}", OperationShape.declaredEndpoint(
                ((GraphQLObjectType) schema.getType("Customer")).getFieldDefinition("partner")).orElseThrow(),
                "the limit reads the endpoint of a nested field");
        assertEquals(1, OperationShape.partneroCalls(schema.getQueryType().getFieldDefinition("customers")),
                "the limit reads what customers declares");
        assertEquals(1, OperationShape.partneroCalls(schema.getQueryType().getFieldDefinition("searchCustomer")),
                "the limit reads what searchCustomer declares");
    }

    @Test
    void thePrintedSchemaTellsClientsWhatEachRootFieldCosts() {
        given().when().get("/graphql/schema.graphql")
                .then().statusCode(200)
                .body(containsString("directive @partneroCalls"))
                .body(containsString("@partneroCalls(endpoint : \"GET /customers\", value : 1)"));
    }

    @Test
    void everyServedObjectTypeIsReadByAccessorsOrLeftToSmallRyeOnPurpose() {
        List<String> uncovered = new ArrayList<>();
        for (GraphQLObjectType type : objectTypes()) {
            if (type == schema.getQueryType() || RecordFieldFetchers.LEFT_TO_SMALLRYE.contains(type.getName())) {
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (OperationShape.declaredEndpoint(field).isPresent()) {
                    continue; // a resolver's (see above)
                }
                DataFetcher<?> fetcher = schema.getCodeRegistry()
                        .getDataFetcher(FieldCoordinates.coordinates(type, field), field);
                if (!(fetcher instanceof RecordFieldFetchers.AccessorFetcher)) {
                    uncovered.add(type.getName() + "." + field.getName());
                }
            }
        }

        assertEquals(List.of(), uncovered, "mark the record @AccessorFields, or name its type in RecordFieldFetchers.LEFT_TO_SMALLRYE");
    }

    /** The graph's nested fields skip SmallRye's per-fetch context; if SmallRye stops asking the service, this fails. */
    @Test
    void theGraphsNestedFieldsAreFetchedByAPlainCall() {
        for (String coordinates : List.of("Customer.partner", "Customer.status", "Partner.stats", "Transaction.customer")) {
            GraphQLObjectType type = (GraphQLObjectType) schema.getType(coordinates.substring(0, coordinates.indexOf('.')));
            GraphQLFieldDefinition field = type.getFieldDefinition(coordinates.substring(coordinates.indexOf('.') + 1));
            assertTrue(schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), field)
                    instanceof SourceFieldFetchers.SourceFetcher, coordinates);
        }
    }

    private List<GraphQLObjectType> objectTypes() {
        return schema.getAllTypesAsList().stream().filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast)
                .filter(type -> !type.getName().startsWith("__")).toList();
    }

    @Test
    void customerTimestampsAreWrittenByThePlansOwnIsoWriter() {
        GraphQLObjectType customer = (GraphQLObjectType) schema.getType("Customer");
        for (String name : List.of("createdAt", "updatedAt", "deletedAt")) {
            GraphQLFieldDefinition field = customer.getFieldDefinition(name);
            DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(customer, field), field);
            assertTrue(((RecordFieldFetchers.AccessorFetcher) fetcher).writesIsoDateTime(),
                    "Customer." + name + " no longer takes IsoDateTimes: SmallRye's default DateTime transformation changed shape");
        }
        GraphQLFieldDefinition key = customer.getFieldDefinition("key");
        DataFetcher<?> keyFetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(customer, key), key);
        assertFalse(((RecordFieldFetchers.AccessorFetcher) keyFetcher).writesIsoDateTime(), "a String is not a DateTime");
    }
}
