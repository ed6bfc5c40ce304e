package partnero.gateway.engine;

import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.spi.config.Config;

/**
 * Gives the schema graphql-java's plain field visibility when none is configured.
 * <p>
 * SmallRye GraphQL 2.17 reads its own default setting, {@code default}, as a list of patterns and
 * installs a regular expression that graphql-java then matches against every field of every
 * answer: 4 % of the gateway's CPU time for a page of customers (docs/performance.md). The
 * pattern can never match a field ({@code Type.field} always has a dot), so plain visibility is the
 * same schema, minus that cost. Configured patterns ({@code quarkus.smallrye-graphql.field-visibility})
 * are left as they are. Found through {@code META-INF/services}.
 * <p>
 * Quarkus builds the GraphQL schema in static initialization, which for the native executable is
 * image build time: there, field visibility is whatever the build saw, with or without this class.
 * Delete this class once SmallRye's bootstrap treats its own default as "no patterns".
 */
public class DefaultFieldVisibility extends AlwaysOnEventingService {

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        if (!Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())) {
            return builder;
        }
        GraphQLSchema schema = builder.build();
        return GraphQLSchema.newSchema(schema).codeRegistry(schema.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY)));
    }
}
