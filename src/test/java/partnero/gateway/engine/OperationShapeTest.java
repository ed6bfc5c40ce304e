package partnero.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/** What an operation costs, measured on its document before it runs. */
class OperationShapeTest {

    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
            directive @partneroCalls(value: Int!) on FIELD_DEFINITION
            type Query {
              customers: Page @partneroCalls(value: 1)
              searchCustomer: Customer @partneroCalls(value: 1)
              everything: Page @partneroCalls(value: 3)
              version: String @partneroCalls(value: 0)
              undeclared: String
            }
            type Page { items: [Customer] info: Info }
            type Info { next: Boolean }
            type Customer { key: String }
            """));

    @Test
    void depthAndFieldsCountEverySelectionWithFragmentsExpanded() {
        OperationShape shape = shapeOf("""
                { customers { items { ...Keys } info { next } } }
                fragment Keys on Customer { key }""");

        assertEquals(new OperationShape(3, 5, 1), shape);
    }

    @Test
    void inlineFragmentsAddNoLevel() {
        assertEquals(new OperationShape(3, 5, 1), shapeOf("{ customers { ... on Page { items { key } info { next } } } }"));
    }

    @Test
    void everyAliasOfARootFieldIsACall() {
        assertEquals(3, shapeOf("{ a: customers { items { key } } b: customers { items { key } } c: searchCustomer { key } }")
                .upstreamCalls());
    }

    @Test
    void aRootFieldRepeatedUnderOneResponseKeyIsOneCall() {
        assertEquals(1, shapeOf("{ customers { items { key } } customers { info { next } } }").upstreamCalls());
    }

    @Test
    void rootFieldsCostWhatTheyDeclare() {
        assertEquals(3, shapeOf("{ everything { info { next } } version }").upstreamCalls());
    }

    @Test
    void anUndeclaredRootFieldCountsAsOneCallAndTheEnginesOwnAsNone() {
        assertEquals(1, shapeOf("{ undeclared __typename __schema { queryType { name } } }").upstreamCalls());
    }

    @Test
    void rootFieldsInFragmentsAreCounted() {
        assertEquals(2, shapeOf("""
                { ...Both ... on Query { c: customers { items { key } } } }
                fragment Both on Query { a: customers { items { key } } c: customers { items { key } } }""")
                .upstreamCalls());
    }

    private static OperationShape shapeOf(String text) {
        Document document = Parser.parse(text);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
        return OperationShape.of(SCHEMA, SCHEMA.getQueryType(), operation.getSelectionSet(), fragments, CoercedVariables.emptyVariables());
    }
}
