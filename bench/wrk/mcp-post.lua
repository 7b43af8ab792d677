-- wrk script for jmcp's load test: every request POSTs one JSON-RPC body, every response is checked, and done()
-- prints one line "WRK_JSON {...}" that bench's orchestrator reads.
--
-- usage: wrk -t1 -c64 -d10s -s bench/wrk/mcp-post.lua http://127.0.0.1:18081/mcp -- BODY_FILE MARKER
--   BODY_FILE  the request body (a tools/call)
--   MARKER     text every correct response body contains; a 200 without it counts as badBody, any other status as
--              badStatus, so an error answer can never pass as throughput
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    local file = assert(io.open(args[1], "rb"))
    wrk.method = "POST"
    wrk.body = file:read("*a")
    file:close()
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Accept"] = "application/json, text/event-stream"
    marker = args[2]
    badStatus = 0
    badBody = 0
end

function response(status, headers, body)
    if status ~= 200 then
        badStatus = badStatus + 1
    elseif not string.find(body, marker, 1, true) then
        badBody = badBody + 1
    end
end

function done(summary, latency, requests)
    local badStatus, badBody = 0, 0
    for _, thread in ipairs(threads) do
        badStatus = badStatus + thread:get("badStatus")
        badBody = badBody + thread:get("badBody")
    end
    local e = summary.errors
    io.write(string.format('WRK_JSON {"requests":%d,"durationMicros":%d,"bytes":%d,'
        .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"badStatus":%d,"badBody":%d,'
        .. '"latencyMicros":{"mean":%.1f,"min":%d,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
        summary.requests, summary.duration, summary.bytes,
        e.connect, e.read, e.write, e.status, e.timeout, badStatus, badBody,
        latency.mean, latency.min, latency.max, latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency:percentile(99.9)))
end
