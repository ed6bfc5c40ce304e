-- wrk script of bench/chaos.sh: sends the chaos run's mix and writes one line per answer, so that every
-- answer is judged and placed in its phase afterwards (bench/chaos/report.py).
--
-- REQUESTS  the mix: one request a line, "kind<TAB>JSON body" (bench/chaos/requests.tsv); taken in turn
-- FRESH     every FRESH-th request asks for a customer never asked before (kind "fresh": data never seen)
-- RUN       a word that makes the fresh keys of this run its own
-- LOG       the answers go to LOG.<thread>: request sent (unix ms), latency ms, kind, class, replica,
--           request (its line in REQUESTS; 0 for a fresh one)
--           class: ok | stale (data, and extensions.stale) | wrong (a 200 without the data expected) |
--                  http_<status> | error_<code>[_<upstreamStatus>] (an answer with "errors")
-- The latency is measured here (LuaJIT's FFI clock), per request: each request carries X-Chaos-Id, which
-- haproxy copies into its answer, so an answer is matched to its request whatever the connection.
-- done() writes LOG.pending (requests without an answer: lost, or in flight when wrk stopped) and a
-- RESULT line with wrk's own counts.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } chaos_clock;
int clock_gettime(int clock, chaos_clock *now);
]]
local clock = ffi.new("chaos_clock")

local function now_ms()
    ffi.C.clock_gettime(0, clock)
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

-- what an answer of each kind must contain to count as the data asked for
local EXPECT = {
    pages = '"pageInfo":{"currentPage":',
    search = '"searchCustomer":{"key":"customer_',
    nested = '"transactions":{"items":[{"key":"txn_00001"',
    fresh = '"customer":{"key":"fresh_',
}

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

function init(args)
    kinds, bodies = {}, {}
    for line in io.lines(os.getenv("REQUESTS")) do
        local kind, body = line:match("^(%w+)\t(.+)$")
        if kind then
            table.insert(kinds, kind)
            table.insert(bodies, body)
        end
    end
    fresh = tonumber(os.getenv("FRESH") or "0")
    run = os.getenv("RUN") or "run"
    log = io.open(os.getenv("LOG") .. "." .. tid, "w")
    log:setvbuf("full", 65536)
    pending = {} -- "kind:seq" -> unix ms sent
    seq = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    if tid == 1 and not verified then -- wrk's own first call, to check the request: never sent
        verified = true
        return wrk.format(nil, nil, wrk.headers, bodies[1])
    end
    seq = seq + 1
    local kind, body
    if fresh > 0 and seq % fresh == 0 then
        kind = "fresh"
        body = string.format('{"query": "query Fresh($key: String!) { customer(key: $key) { key email } }", "variables": {"key": "fresh_%s_%d_%d"}}', run, tid, seq)
    else
        local i = seq % #bodies + 1
        kind, body = kinds[i], bodies[i]
    end
    local id = kind .. ":" .. seq
    wrk.headers["X-Chaos-Id"] = id
    pending[id] = now_ms()
    return wrk.format(nil, nil, wrk.headers, body)
end

local function classify(kind, status, body)
    if status ~= 200 then
        return "http_" .. status
    end
    if body:find('"errors"', 1, true) then
        local code = body:match('"code":"([A-Z_]+)"') or "none"
        local upstream = body:match('"upstreamStatus":(%d+)')
        return "error_" .. code .. (upstream and ("_" .. upstream) or "")
    end
    if not body:find(EXPECT[kind] or "", 1, true) then
        return "wrong"
    end
    if body:find('"extensions":{"stale":{', 1, true) then
        return "stale"
    end
    return "ok"
end

function response(status, headers, body)
    local id = headers["x-chaos-id"] or headers["X-Chaos-Id"] or "?:0"
    local sent = pending[id]
    pending[id] = nil
    local at = now_ms()
    local kind, seq = id:match("^(%w+):(%d+)$")
    kind = kind or "?"
    local line = (kind == "fresh" or not seq) and 0 or tonumber(seq) % #bodies + 1
    log:write(string.format("%.0f\t%.1f\t%s\t%s\t%s\t%d\n", sent or at, sent and (at - sent) or -1,
        kind, classify(kind, status, body), headers["x-replica"] or headers["X-Replica"] or "-", line))
end

function done(summary, latency, requests)
    local out = io.open(os.getenv("LOG") .. ".pending", "w")
    for _, thread in ipairs(threads) do
        for id, sent in pairs(thread:get("pending")) do
            out:write(string.format("%.0f\t%s\n", sent, id:match("^(%w+):") or "?"))
        end
    end
    out:close()
    local e = summary.errors
    io.write(string.format("RESULT requests=%d connect_errors=%d read_errors=%d write_errors=%d status_errors=%d timeouts=%d end_ms=%.0f\n",
        summary.requests, e.connect, e.read, e.write, e.status, e.timeout, now_ms()))
end
