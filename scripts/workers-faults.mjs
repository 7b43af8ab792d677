// Checks what differs from the JVM on Workers, against the faults fixture served by
// `jmcp dev --target cloudflare-workers workers/src/test/fixtures/faults`:
//   a thrown exception, a null dereference and an out-of-bounds index are Java exceptions (tool errors),
//   integer division by zero and a stack overflow are wasm traps (JSON-RPC -32603, HTTP 500), and the isolate keeps
//   serving afterwards with a fresh instance (its per-instance call counter starts again). Also: an MCP 2026-07-28
//   subscriptions/listen stream waits without blocking the isolate and gets the notification another request causes.
// Usage: node scripts/workers-faults.mjs URL
const url = process.argv[2];
if (!url) {
  console.error("usage: node scripts/workers-faults.mjs URL");
  process.exit(2);
}
let id = 0;
async function call(name, args, meta) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method: "tools/call", params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) } }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${name}: not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`);
  }
  if (body.id !== id) throw new Error(`${name}: answered id ${body.id}, expected ${id}`);
  return { status: response.status, body };
}
let failures = 0;
function check(what, ok, got) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok ? "" : ": got " + JSON.stringify(got)}`);
  if (!ok) failures++;
}
const text = (r) => r.body.result?.content?.[0]?.text;
const toolError = (r) => r.status === 200 && r.body.result?.isError === true && /internal error/.test(text(r));
const internalError = (r) => r.status === 500 && r.body.error?.code === -32603;

let r = await call("calls", {});
const first = Number(/^calls (\d+)$/.exec(text(r) ?? "")?.[1]);
check("a tool answers", first >= 1, r);
r = await call("calls", {});
check("state lives in the instance", text(r) === `calls ${first + 1}`, r);
for (const [name, args] of [["throws", {}], ["null_dereference", {}], ["out_of_bounds", { index: 5 }]]) {
  r = await call(name, args);
  check(`${name}: a tool error (a Java exception under strict mode)`, toolError(r), r);
}
r = await call("calls", {});
check("tool errors leave the instance alone", text(r) === `calls ${first + 2}`, r);
r = await call("divide", { divisor: 0 });
check("divide by zero: a wasm trap, JSON-RPC -32603 with the request's id", internalError(r), r);
r = await call("calls", {});
check("after the trap the isolate serves, with a fresh instance", text(r) === "calls 1", r);
// With a progress token the handler runs while the Worker pumps the event stream; a trap there is answered the same way.
r = await call("divide", { divisor: 0 }, { progressToken: "p" });
check("divide by zero inside an event stream: JSON-RPC -32603", internalError(r), r);
r = await call("recurse", { depth: 10000000 });
check("stack overflow: JSON-RPC -32603", internalError(r), r);
r = await call("divide", { divisor: 4 });
check("after the stack overflow the isolate serves", text(r) === "quotient 25", r);
r = await call("recurse", { depth: 100 });
check("moderate recursion works", text(r) === "depth 100", r);
// A waiting event stream: the Worker pumps it when Java wakes it during another request.
async function complete(prompt) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method: "completion/complete",
      params: { ref: { type: "ref/prompt", name: prompt }, argument: { name: "topic", value: "note" } } }),
  });
  return { status: response.status, body: await response.json() };
}
r = await complete("completed");
check("completion through a completer", JSON.stringify(r.body.result?.completion?.values) === '["notes"]', r);
r = await complete("plain");
check("completion of a prompt without completers: no values, no trap", r.status === 200
  && Array.isArray(r.body.result?.completion?.values) && r.body.result.completion.values.length === 0, r);

const META = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
const headers2026 = (method, name) => ({ "content-type": "application/json", accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2026-07-28", "mcp-method": method, ...(name ? { "mcp-name": name } : {}) });
const listen = await fetch(url, { method: "POST", headers: headers2026("subscriptions/listen"),
  body: JSON.stringify({ jsonrpc: "2.0", id: 100, method: "subscriptions/listen", params: { notifications: { toolsListChanged: true }, _meta: META } }) });
check("subscriptions/listen answers an event stream", listen.status === 200 && /text\/event-stream/.test(listen.headers.get("content-type")),
  { status: listen.status, type: listen.headers.get("content-type") });
const reader = listen.body.getReader();
const decoder = new TextDecoder();
let received = "";
async function readUntil(pattern, ms) {
  const deadline = Date.now() + ms;
  while (!pattern.test(received) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise((ok) => setTimeout(() => ok(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    received += decoder.decode(chunk.value, { stream: true });
  }
  return pattern.test(received);
}
check("the listen stream is acknowledged", await readUntil(/subscriptions\/acknowledged/, 10000), received);
const change = await fetch(url, { method: "POST", headers: headers2026("tools/call", "change_tools"),
  body: JSON.stringify({ jsonrpc: "2.0", id: 101, method: "tools/call", params: { name: "change_tools", arguments: {}, _meta: META } }) });
check("another request changes the tool list", change.status === 200 && /changed/.test(await change.text()), change.status);
check("the waiting stream gets notifications/tools/list_changed", await readUntil(/notifications\/tools\/list_changed/, 10000), received);
await reader.cancel();

console.log(failures === 0 ? "workers faults: all checks passed" : `workers faults: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
