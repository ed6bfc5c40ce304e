package partnero.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GraphQLContentTypes} over generated {@code Content-Type} headers (run by jqwik's engine, beside
 * the hand-picked cases of {@link GraphQLContentTypesTest}): a header built of media types, in any case,
 * with parameters, spaces and several lines, is accepted exactly when every type it names is JSON or
 * GraphQL; and no header at all, however broken, makes the check fail.
 */
class GraphQLContentTypesPropertiesTest {

    private static final List<String> TYPES = List.of("application/json", "application/graphql", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/graphql-response+json", "application/octet-stream");

    @Property(tries = 2000, seed = "24")
    void aHeaderIsAcceptedExactlyWhenEveryTypeItNamesIsJsonOrGraphQL(@ForAll("headers") List<List<String>> types,
            @ForAll("spellings") List<String> spellings) {
        List<String> lines = types.stream().map(line -> String.join(",", line.stream()
                .map(type -> spell(type, spellings.get(Math.abs(type.hashCode() + line.size()) % spellings.size()))).toList())).toList();
        boolean onlyJsonOrGraphQL = types.stream().flatMap(List::stream).allMatch(GraphQLContentTypes.ACCEPTED::contains);

        assertEquals(onlyJsonOrGraphQL, GraphQLContentTypes.accepts(lines), lines.toString());
    }

    @Property(tries = 3000, seed = "24")
    void anyHeaderIsDecidedWithoutFailing(@ForAll("anyLines") List<String> lines) {
        GraphQLContentTypes.accepts(lines); // refused or accepted: never an exception, which would be a 500
    }

    @Provide
    Arbitrary<List<List<String>>> headers() {
        return Arbitraries.of(TYPES).list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(2);
    }

    @Provide
    Arbitrary<List<String>> spellings() {
        return Arbitraries.of("%s", "%S", " %s ", "%s; charset=utf-8", "%s;charset=\"UTF-8\"", "%s ; q=1", "%s; a=\"x,y\"").list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> anyLines() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(TYPES), Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of(";", ",", "\"", "=", "/", " ", "\t", "charset=", "*/*", "\\"));
        return Combinators.combine(pieces.list().ofMaxSize(8), Arbitraries.integers().between(1, 3))
                .as((parts, lines) -> java.util.Collections.nCopies(lines, String.join("", parts)));
    }

    private static String spell(String type, String spelling) {
        return String.format(Locale.ROOT, spelling, type);
    }
}
