package partnero.gateway.engine;

/**
 * Why a {@link CompiledPlan} did not answer: graphql-java must run the request. Thrown by the plan and
 * by the fetchers it calls ({@link RootResolvers}, {@link RecordFieldFetchers}); cheap, without a stack
 * trace, since it is an expected way out.
 */
final class NotPlanned extends RuntimeException {

    NotPlanned(String why) {
        super(why, null, false, false);
    }
}
