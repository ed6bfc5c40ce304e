package partnero.gateway;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The house's rules, as ArchUnit checks them on the main classes (tests excluded):
 * <ul>
 * <li>the packages form floors that depend one way only: the GraphQL API ({@code customer}) on top,
 * the request's way in ({@code engine}, {@code documents}) and out ({@code partnero}) below it, the
 * shared pieces under those, {@code config}, {@code error} and {@code codec} at the bottom;</li>
 * <li>no two packages depend on each other, however indirectly;</li>
 * <li>SmallRye GraphQL's and graphql-java's implementation (execution, schema, validation: not
 * graphql-java's parser and document model, which {@code documents} reads), and Quarkus' SmallRye
 * GraphQL runtime, are used in {@code engine} only, whose {@code package-info.java} says what to
 * re-check on an upgrade;</li>
 * <li>names say what a thing is for, not how it is built.</li>
 * </ul>
 * Each rule is checked by a plain JUnit test ({@code ArchRule.check}): the build runs JUnit 6, for
 * which ArchUnit's own test engine is a separate artifact.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("partnero.gateway");

    /**
     * A floor: the layer's name, its package below {@code partnero.gateway}, and the floors above it that
     * may use it (none: no floor may). Top down.
     */
    record Floor(String name, String packageName, String... usedBy) {
    }

    static final List<Floor> FLOORS = List.of(
            new Floor("graph", "graph"),
            new Floor("api", "customer", "graph"),
            new Floor("dev upstream", "devupstream"),
            new Floor("engine", "engine", "graph", "api"),
            new Floor("answers", "answers", "engine"),
            new Floor("documents", "documents", "engine"),
            new Floor("partnero", "partnero", "graph", "api", "dev upstream"),
            new Floor("web", "web", "engine", "answers"),
            new Floor("request", "request", "graph", "api", "engine", "answers", "partnero"),
            new Floor("api key", "apikey", "api", "engine", "answers", "partnero", "request"),
            new Floor("shared", "shared", "engine", "answers", "documents", "partnero"),
            new Floor("config", "config", "engine", "answers", "documents", "partnero", "web", "api key", "shared"),
            new Floor("error", "error", "graph", "api", "engine", "documents", "partnero", "api key", "request"),
            new Floor("codec", "codec", "engine", "answers", "documents", "partnero", "web", "api key", "shared"));

    static final ArchRule packagesAreFloorsThatDependOneWay = floors(FLOORS);

    static final ArchRule packagesHaveNoCircles = slices().matching("partnero.gateway.(*)..").should().beFreeOfCycles();

    static final ArchRule frameworkInternalsOnlyInTheEngineRoom = noClasses().that().resideOutsideOfPackage("partnero.gateway.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.smallrye.graphql.execution..", "io.smallrye.graphql.schema..",
                    "io.smallrye.graphql.bootstrap..", "io.smallrye.graphql.spi..", "io.smallrye.graphql.transformation..",
                    "io.quarkus.smallrye.graphql.runtime..", "graphql.execution..", "graphql.schema..", "graphql.analysis..",
                    "graphql.validation..", "graphql.introspection..")
            .because("whatever reaches into SmallRye GraphQL or graphql-java lives in engine, whose package-info lists what an"
                    + " upgrade must re-check");

    static final ArchRule namesSayWhatAThingIsFor = noClasses().should().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Impl")
            .because("a name says what a thing is for (STYLE.md)");

    @Test
    void packagesAreFloorsThatDependOneWay() {
        packagesAreFloorsThatDependOneWay.check(MAIN);
    }

    @Test
    void packagesHaveNoCircles() {
        packagesHaveNoCircles.check(MAIN);
    }

    @Test
    void frameworkInternalsAreUsedInTheEngineRoomOnly() {
        frameworkInternalsOnlyInTheEngineRoom.check(MAIN);
    }

    @Test
    void namesSayWhatAThingIsFor() {
        namesSayWhatAThingIsFor.check(MAIN);
    }

    /**
     * The services SmallRye GraphQL finds through {@code META-INF/services} it keeps in a static
     * singleton that dev mode's live reload does not replace: they use no class of the application but
     * their own (and {@code AlwaysOnEventingService}), or after a reload old code meets new classes
     * ({@code engine.ReloadSafeHooks}).
     */
    @Test
    void servicesSmallRyeKeepAcrossReloadsUseNoApplicationClass() throws java.io.IOException {
        java.util.List<String> services;
        try (var in = ArchitectureTest.class.getResourceAsStream("/META-INF/services/io.smallrye.graphql.spi.EventingService")) {
            services = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (String service : services) {
            MAIN.stream().filter(type -> type.getName().equals(service) || type.getName().startsWith(service + "$"))
                    .flatMap(type -> type.getDirectDependenciesFromSelf().stream()).map(dependency -> dependency.getTargetClass().getBaseComponentType())
                    .filter(target -> target.getPackageName().startsWith("partnero.gateway"))
                    .filter(target -> !target.getName().startsWith(service) && !target.getSimpleName().equals("AlwaysOnEventingService"))
                    .forEach(target -> wrong.add(service + " uses " + target.getName()));
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), wrong.stream().distinct().toList());
    }

    private static LayeredArchitecture floors(List<Floor> floors) {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Floor floor : floors) {
            architecture = architecture.layer(floor.name()).definedBy("partnero.gateway." + floor.packageName() + "..");
        }
        for (Floor floor : floors) {
            architecture = floor.usedBy().length == 0
                    ? architecture.whereLayer(floor.name()).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(floor.name()).mayOnlyBeAccessedByLayers(floor.usedBy());
        }
        return architecture;
    }
}
