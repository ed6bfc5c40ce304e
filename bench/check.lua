-- wrk script: sends the GraphQL request in $BODY (POST; a GET of the URL when $BODY is empty) and
-- counts every answer that is not a 200 containing $EXPECT and no "errors" key as a failure, so a
-- fast wrong answer never passes for throughput. Needs one Lua state per thread; the counts are added
-- up in done().
--
-- VARY=1: every request asks for another page: $BODY is then a document with $page, $limit and
--   $partnerKey variables, cycled over 200 pages, limits 5/15/50 (and 250 with HEAVY=1) and three
--   partner filters, so the gateway's caches see distinct requests (the stand-in ignores them).
-- KEYS=N: the requests rotate over N client keys (Authorization: Bearer soak-key-<i>).
-- REPEAT=1 with VARY=1: every other request is the same one, so caches see repeats too.
-- START=N: the request counter starts at N instead of 0 (another place in the cycle of VARY=1).
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    bad = 0
    counter = tonumber(os.getenv("START") or "0")
    expect = os.getenv("EXPECT") or ""
    query = os.getenv("BODY") or ""
    vary = os.getenv("VARY") == "1"
    repeated = os.getenv("REPEAT") == "1"
    keys = tonumber(os.getenv("KEYS") or "0")
    limits = { 5, 15, 50 }
    if os.getenv("HEAVY") == "1" then
        limits = { 5, 15, 50, 250 }
    end
    partners = { "null", "\"partner_a\"", "\"partner_b\"" }
    if query ~= "" then
        wrk.method = "POST"
        wrk.body = query
        wrk.headers["Content-Type"] = "application/json"
    end
    local auth = os.getenv("AUTH") or ""
    if auth ~= "" then
        wrk.headers["Authorization"] = auth
    end
end

function request()
    if not vary and keys == 0 then
        return wrk.request()
    end
    counter = counter + 1
    local headers = wrk.headers
    if keys > 0 then
        headers["Authorization"] = "Bearer soak-key-" .. (counter % keys)
    end
    local body = wrk.body
    if vary and not (repeated and counter % 2 == 0) then
        local n = counter
        local variables = string.format('{"page": %d, "limit": %d, "partnerKey": %s}',
            n % 200 + 1, limits[math.floor(n / 200) % #limits + 1], partners[math.floor(n / (200 * #limits)) % #partners + 1])
        body = string.format('{"query": %q, "variables": %s}', query, variables)
    elseif vary then
        body = string.format('{"query": %q, "variables": {"page": 1, "limit": 15}}', query)
    end
    return wrk.format(wrk.method, wrk.path, headers, body)
end

function response(status, headers, body)
    if status ~= 200 or not body:find(expect, 1, true) or body:find('"errors"', 1, true) then
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local failures = 0
    for _, thread in ipairs(threads) do
        failures = failures + thread:get("bad")
    end
    io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d failures=%d socket_errors=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.requests, failures,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
