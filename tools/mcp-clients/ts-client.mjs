// Interop client built on the official MCP TypeScript SDK: connects to a Streamable HTTP server and runs a plan.
// Usage: node ts-client.mjs <url> [plan.json]   (normally through scripts/ts-client.sh, which installs the SDK)
//
// The plan is a JSON array of steps (or {"steps": [...]}). Step kinds:
//   {"op":"listTools"} {"op":"listResources"} {"op":"listPrompts"} {"op":"ping"}
//   {"op":"callTool","name":"x","arguments":{...},"progress":true}  (progress: record notifications/progress)
//   {"op":"readResource","uri":"test://x"}   {"op":"getPrompt","name":"x","arguments":{...}}
//   {"op":"setLoggingLevel","level":"debug"}
// Prints one JSON object {serverVersion, protocolVersion, capabilities, steps:[result...], logs:[...]} on stdout;
// exits 1 (after printing what it has, plus "error") if connecting or any step fails.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const [url, planFile] = process.argv.slice(2);
if (!url) {
  console.error('usage: node ts-client.mjs <url> [plan.json]');
  process.exit(2);
}
const plan = planFile ? JSON.parse(readFileSync(planFile, 'utf8')) : [];
const steps = Array.isArray(plan) ? plan : plan.steps ?? [];

const out = { serverVersion: null, protocolVersion: null, capabilities: null, steps: [], logs: [] };
let current = -1; // index of the step running, so log notifications can be attributed to it
let phase = 'connect';

const client = new Client({ name: 'jmcp-ts-client', version: '1.0.0' });
client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
  out.logs.push({ step: current, ...n.params });
});
const transport = new StreamableHTTPClientTransport(new URL(url));

async function run(step) {
  switch (step.op) {
    case 'listTools': return client.listTools();
    case 'listResources': return client.listResources();
    case 'listPrompts': return client.listPrompts();
    case 'ping': return client.ping();
    case 'setLoggingLevel': return client.setLoggingLevel(step.level);
    case 'readResource': return client.readResource({ uri: step.uri });
    case 'getPrompt': return client.getPrompt({ name: step.name, arguments: step.arguments ?? {} });
    case 'callTool': {
      const progress = [];
      const options = step.progress ? { onprogress: (p) => progress.push(p) } : undefined;
      const result = await client.callTool({ name: step.name, arguments: step.arguments ?? {} }, undefined, options);
      return step.progress ? { ...result, progress } : result;
    }
    default: throw new Error(`unknown op: ${JSON.stringify(step.op)}`);
  }
}

let failed = false;
try {
  await client.connect(transport);
  out.serverVersion = client.getServerVersion() ?? null;
  out.protocolVersion = transport.protocolVersion ?? null;
  out.capabilities = client.getServerCapabilities() ?? null;
  for (current = 0; current < steps.length; current++) {
    out.steps.push(await run(steps[current]));
  }
  current = -1;
  phase = 'terminateSession';
  if (transport.sessionId) await transport.terminateSession();
} catch (e) {
  failed = true;
  out.error = { step: current, op: current >= 0 ? steps[current].op : phase, message: String(e?.message ?? e), code: e?.code };
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
process.exit(failed ? 1 : 0);
