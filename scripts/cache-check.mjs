// Checks the platform's KeyValueCache through the cache fixture (workers/src/test/fixtures/cache), the same checks on
// every runtime: `jmcp dev FIXTURE` (memory) and `jmcp dev --target cloudflare-workers FIXTURE` (Workers KV).
// Values written by one request are read by the next, replaced, deleted; unicode survives; the limits (Workers
// KV's) refuse the same keys and times to live everywhere, with the same message. Prints `key=K value=V` for an
// entry it leaves behind, so the caller can look for it in the store itself.
// Usage: node scripts/cache-check.mjs URL
const url = process.argv[2];
if (!url) {
  console.error("usage: node scripts/cache-check.mjs URL");
  process.exit(2);
}
let id = 0;
async function call(name, args) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method: "tools/call", params: { name, arguments: args } }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${name}: not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  if (body.error) throw new Error(`${name}: JSON-RPC error ${JSON.stringify(body.error)}`);
  return { text: body.result?.content?.[0]?.text, isError: body.result?.isError === true };
}
let failures = 0;
function check(what, ok, got) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok ? "" : ": got " + JSON.stringify(got)}`);
  if (!ok) failures++;
}
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const key = `greeting:${run}`;

let r = await call("cache_get", { key });
check("a key never written is absent", !r.isError && r.text === "absent", r);
r = await call("cache_put", { key, value: "hello", ttl: 60 });
check("put with the minimum time to live (60 s) stores", !r.isError && r.text === "stored", r);
r = await call("cache_get", { key });
check("the next request reads the value back", r.text === "value hello", r);
r = await call("cache_put", { key, value: "hello again", ttl: 3600 });
r = await call("cache_get", { key });
check("a second put replaces the value", r.text === "value hello again", r);

const unicode = "naïve café, 東京, emoji 🚀, quote \" and backslash \\";
r = await call("cache_put", { key: `unicode:${run}:ключ`, value: unicode, ttl: 600 });
r = await call("cache_get", { key: `unicode:${run}:ключ` });
check("unicode keys and values come back unchanged", r.text === "value " + unicode, r);

r = await call("cache_delete", { key });
check("delete answers", !r.isError && r.text === "deleted", r);
r = await call("cache_get", { key });
check("a deleted key is absent", r.text === "absent", r);
r = await call("cache_delete", { key: `never:${run}` });
check("deleting a key that is not there is no error", !r.isError && r.text === "deleted", r);

r = await call("cache_put", { key: `short:${run}`, value: "x", ttl: 59 });
check("a time to live under 60 s is refused, naming the minimum", r.isError && /at least 60 seconds/.test(r.text), r);
r = await call("cache_get", { key: `short:${run}` });
check("and nothing was stored", r.text === "absent", r);
r = await call("cache_put", { key: "k".repeat(513), value: "x", ttl: 60 });
check("a key of 513 bytes is refused, naming the limit", r.isError && /at most 512 bytes of UTF-8; this one has 513/.test(r.text), r);
r = await call("cache_put", { key: "é".repeat(257), value: "x", ttl: 60 });
check("257 two-byte chars (514 bytes) are refused too", r.isError && /this one has 514/.test(r.text), r);
const longest = "é".repeat(256);
r = await call("cache_put", { key: longest, value: "longest", ttl: 60 });
r = await call("cache_get", { key: longest });
check("a key of exactly 512 bytes works", r.text === "value longest", r);
for (const bad of ["", ".", ".."]) {
  r = await call("cache_get", { key: bad });
  check(`the key ${JSON.stringify(bad)} is refused`, r.isError && /refused: .*(empty|not allowed)/.test(r.text), r);
}

// Concurrent requests: on Workers they interleave in one isolate at each KV call (each waits on its own ticket), on
// the JVM they run on threads; every request must still see its own value.
const many = Array.from({ length: 20 }, (_, i) => ({ key: `many:${run}:${i}`, value: `value ${i} ${"x".repeat(i * 50)}` }));
const puts = await Promise.all(many.map(({ key, value }) => call("cache_put", { key, value, ttl: 120 })));
check("20 concurrent puts all store", puts.every((p) => p.text === "stored"), puts.filter((p) => p.text !== "stored"));
const gets = await Promise.all(many.map(({ key }) => call("cache_get", { key })));
check("20 concurrent gets each read their own value", gets.every((g, i) => g.text === "value " + many[i].value),
  gets.map((g) => g.text?.slice(0, 20)));

const kept = `kept:${run}`;
r = await call("cache_put", { key: kept, value: "in the store", ttl: 600 });
check("an entry is left for the caller to find", r.text === "stored", r);
console.log(`key=${kept} value=in the store`);
console.log(failures === 0 ? "cache checks: all passed" : `cache checks: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
