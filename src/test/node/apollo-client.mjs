// Apollo Client, as a web application sets it up, driving the gateway at argv[2] in one scenario
// (argv[3]) with the Partnero key argv[4] as its bearer token; prints what went over the wire and
// what each operation returned, for ApolloClientIT.
//   apq      persisted queries over POST: the same query three times
//   apq-get  persisted queries with GET for hashed queries: the same query four times, revalidated
//   batch    BatchHttpLink: three different operations at once
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';
import { BatchHttpLink } from '@apollo/client/link/batch-http/index.js';

const [url, scenario, key] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${key}` };
const exchanges = [];
const results = [];

// What a browser's HTTP cache does for GET: remember each answer with its ETag, revalidate with
// If-None-Match, and hand the remembered answer over on 304. Every exchange is recorded.
const remembered = new Map();
async function recordingFetch(input, init = {}) {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (method === 'GET' && remembered.has(input)) {
    headers.set('If-None-Match', remembered.get(input).etag);
  }
  const response = await fetch(input, { ...init, headers });
  const sent = method === 'GET' ? Object.fromEntries(new URL(input).searchParams) : JSON.parse(init.body);
  const operations = Array.isArray(sent) ? sent : [sent];
  const hashOf = (op) => {
    const extensions = typeof op.extensions === 'string' ? JSON.parse(op.extensions) : op.extensions;
    return extensions?.persistedQuery?.sha256Hash ?? null;
  };
  let body = await response.text();
  exchanges.push({
    method,
    batch: Array.isArray(sent),
    operations: operations.length,
    withDocument: operations.some((op) => typeof op.query === 'string'),
    hash: hashOf(operations[0]),
    ifNoneMatch: headers.get('If-None-Match'),
    status: response.status,
    cacheControl: response.headers.get('Cache-Control'),
    etag: response.headers.get('ETag'),
    vary: response.headers.get('Vary'),
    contentType: response.headers.get('Content-Type'),
    body,
  });
  if (method === 'GET' && response.status === 200 && response.headers.get('ETag')) {
    remembered.set(input, { etag: response.headers.get('ETag'), body, contentType: response.headers.get('Content-Type') });
  }
  if (response.status === 304) {
    const kept = remembered.get(input);
    return new Response(kept.body, { status: 200, headers: { 'Content-Type': kept.contentType } });
  }
  return new Response(body, { status: response.status, headers: response.headers });
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const client = (link) => new ApolloClient({ link, cache: new InMemoryCache(), defaultOptions: { query: { fetchPolicy: 'no-cache' } } });
// What the operation returned to the application (a failure as one error)
const run = async (apollo, query, variables) => {
  try {
    const { data, errors } = await apollo.query({ query, variables, errorPolicy: 'all' });
    return { data: data ?? null, errors: errors ?? null };
  } catch (e) {
    return { data: null, errors: [{ message: String(e.message) }] };
  }
};

// Each scenario its own operation name, so its document is new to the gateway's persisted queries
const PAGE = gql(`query Page_${scenario.replace('-', '_')}($limit: Int) { customers(limit: $limit) { items { key email } } }`);
const FIND = gql`query Find($id: String) { searchCustomer(id: $id) { key } }`;

if (scenario === 'apq' || scenario === 'apq-get') {
  const link = createPersistedQueryLink({ sha256, useGETForHashedQueries: scenario === 'apq-get' })
    .concat(new HttpLink({ uri: url, fetch: recordingFetch, headers }));
  const apollo = client(link);
  for (let i = 0; i < (scenario === 'apq' ? 3 : 4); i++) {
    results.push(await run(apollo, PAGE, { limit: 15 }));
  }
} else if (scenario === 'batch') {
  const apollo = client(new BatchHttpLink({ uri: url, fetch: recordingFetch, headers, batchMax: 5, batchInterval: 20 }));
  // in the order they were asked, whatever order they settle in
  results.push(...await Promise.all([
    run(apollo, PAGE, { limit: 15 }),
    run(apollo, FIND, { id: 'customer_123' }),
    run(apollo, gql`query Typename { __typename }`, {}),
  ]));
} else {
  console.error(`unknown scenario ${scenario}: apq, apq-get or batch`);
  process.exit(2);
}
console.log(JSON.stringify({ exchanges, results }));
