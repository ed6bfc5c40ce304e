package partnero.gateway.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import partnero.gateway.customer.Resolution;

/**
 * Which operation a resolver works for: a nested field's resolver takes the one graphql-java carries
 * ({@code Resolution.resolveNested}: where a nested field is fetched the request's CDI context is not
 * active), a root field's the one in the request's CDI context ({@code Resolution.resolve}: a compiled
 * plan calls root resolvers without SmallRye). Mixing them up works in a quiet test and fails under load.
 */
class ResolverOperationsTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("partnero.gateway");

    static final DescribedPredicate<JavaClass> RESOLVING_NESTED_FIELDS = DescribedPredicate.describe("resolve nested fields (@Source)",
            type -> type.getMethods().stream().anyMatch(method -> method.getParameters().stream()
                    .anyMatch(parameter -> parameter.isAnnotatedWith(Source.class))));
    static final DescribedPredicate<JavaClass> RESOLVING_ROOT_FIELDS = DescribedPredicate.describe("resolve root fields (@Query)",
            type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Query.class)));

    private static DescribedPredicate<JavaCall<?>> calling(String name) {
        return DescribedPredicate.describe("Resolution." + name, call -> call.getTargetOwner().isEquivalentTo(Resolution.class)
                && call.getName().equals(name));
    }

    @Test
    void nestedFieldsTakeTheOperationGraphqlJavaCarries() {
        noClasses().that(RESOLVING_NESTED_FIELDS).should().callMethodWhere(calling("resolve")).check(MAIN);
    }

    @Test
    void rootFieldsTakeTheOperationTheDoorBegan() {
        noClasses().that(RESOLVING_ROOT_FIELDS).should().callMethodWhere(calling("resolveNested")).check(MAIN);
    }
}
