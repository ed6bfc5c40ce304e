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

    @Test
    void everyRootFieldDeclaresThePartneroCallsItMakes() {
        List<String> undeclared = schema.getQueryType().getFieldDefinitions().stream()
                .filter(field -> OperationShape.declaredCalls(field).isEmpty())
                .map(GraphQLFieldDefinition::getName)
                .toList();

        assertEquals(List.of(), undeclared, "Query fields without @PartneroCalls escape the upstream-call limit");
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
                .body(containsString("@partneroCalls(value : 1)"));
    }

    @Test
    void everyServedObjectTypeIsReadByAccessorsOrLeftToSmallRyeOnPurpose() {
        List<String> uncovered = new ArrayList<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
            if (type.getName().startsWith("__") || type == schema.getQueryType()
                    || RecordFieldFetchers.LEFT_TO_SMALLRYE.contains(type.getName())) {
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                DataFetcher<?> fetcher = schema.getCodeRegistry()
                        .getDataFetcher(FieldCoordinates.coordinates(type, field), field);
                if (!(fetcher instanceof RecordFieldFetchers.AccessorFetcher)) {
                    uncovered.add(type.getName() + "." + field.getName());
                }
            }
        }

        assertEquals(List.of(), uncovered, "mark the record @AccessorFields, or name its type in RecordFieldFetchers.LEFT_TO_SMALLRYE");
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
