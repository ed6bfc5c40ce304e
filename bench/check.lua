-- wrk script: POSTs the body in $BODY (or GETs, when $BODY is empty) and counts every answer that
-- is not a 200 containing $EXPECT and no "errors" key as a failure, so a fast wrong answer never
-- passes for throughput. Needs one Lua state per thread; the counts are added up in done().
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    bad = 0
    expect = os.getenv("EXPECT") or ""
    local body = os.getenv("BODY") or ""
    if body ~= "" then
        wrk.method = "POST"
        wrk.body = body
        wrk.headers["Content-Type"] = "application/json"
    end
    local auth = os.getenv("AUTH") or ""
    if auth ~= "" then
        wrk.headers["Authorization"] = auth
    end
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
