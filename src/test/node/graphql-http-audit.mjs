// The graphql-http package's own server audit (the GraphQL-over-HTTP specification's MUSTs, SHOULDs
// and MAYs) against the gateway at argv[2]; prints one JSON object for GraphQLOverHttpAuditIT.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
const count = (level) => {
  const mine = results.filter((r) => r.name.startsWith(level));
  return { ok: mine.filter((r) => r.status === 'ok').length, total: mine.length };
};
console.log(JSON.stringify({ results, must: count('MUST'), should: count('SHOULD') }));
