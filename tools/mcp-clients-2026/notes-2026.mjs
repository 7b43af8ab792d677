// Drives a notes example (examples/notes) over MCP 2026-07-28 with the official TypeScript SDK v2 client and checks
// every answer, including delete_note's multi-round-trip elicitation. Usage: node notes-2026.mjs <url>
// (normally through scripts/interop-ts-2026.sh, which installs @modelcontextprotocol/client beside this file).
// Prints a JSON summary, then one "all checks passed" line, on stdout; exits 1 naming the first failed check.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const url = process.argv[2];
if (!url) { console.error('usage: node notes-2026.mjs <url>'); process.exit(2); }
const VERSION = '2026-07-28';
const PV_META = 'io.modelcontextprotocol/protocolVersion';

// Independent wire check: every POST the SDK sends, with its MCP-Protocol-Version header and JSON-RPC body.
const wire = [];
async function recordingFetch(input, init) {
  if ((init?.method ?? 'GET') === 'POST' && typeof init.body === 'string') {
    const headers = new Headers(init.headers);
    for (const msg of [JSON.parse(init.body)].flat()) {
      wire.push({ method: msg.method, header: headers.get('mcp-protocol-version'), meta: msg.params?._meta?.[PV_META], params: msg.params });
    }
  }
  return fetch(input, init);
}

const summary = { sdk: '@modelcontextprotocol/client 2.4.0', url };
let step = 'connect';
const check = (ok, what) => { if (!ok) throw new Error(`check failed: ${what}`); };

const elicitations = [];
const client = new Client({ name: 'jmcp-ts-sdk-v2-client', version: '1.0.0' }, {
  capabilities: { elicitation: { form: {} } },
  versionNegotiation: { mode: 'auto' }, // server/discover first; falls back to initialize only if the server is 2025-only
});
client.setRequestHandler('elicitation/create', async (request) => {
  elicitations.push(request.params);
  return { action: 'accept', content: { confirm: true } };
});

try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch }));
  const discover = client.getDiscoverResult();
  summary.negotiated = { era: client.getProtocolEra(), version: client.getNegotiatedProtocolVersion() };
  summary.discover = { supportedVersions: discover?.supportedVersions, serverInfo: client.getServerVersion() };
  check(wire[0]?.method === 'server/discover', `the first request is server/discover, got ${wire[0]?.method}`);
  check(client.getProtocolEra() === 'modern' && client.getNegotiatedProtocolVersion() === VERSION,
    `negotiated ${VERSION}, got ${JSON.stringify(summary.negotiated)}`);
  check(discover.supportedVersions.includes(VERSION), `server/discover lists ${VERSION}`);

  step = 'tools/list';
  const names = (await client.listTools()).tools.map((t) => t.name);
  summary.tools = names;
  for (const n of ['create_note', 'search_notes', 'update_note', 'delete_note', 'summarize_notes']) check(names.includes(n), `tools/list has ${n}`);

  step = 'create_note';
  const created = await client.callTool({ name: 'create_note', arguments: { title: '2026 interop', body: 'Written by the official TypeScript SDK v2 client.', tags: ['interop'] } });
  const id = created.structuredContent?.id;
  check(!created.isError && Number.isInteger(id), `create_note returns an integer id, got ${JSON.stringify(created)}`);
  summary.created = created.structuredContent;

  step = 'resources/read';
  const read = await client.readResource({ uri: `notes://${id}` }, { cacheMode: 'bypass' });
  check(read.contents?.[0]?.text?.includes('Written by the official TypeScript SDK v2 client.'), `notes://${id} holds the note`);

  step = 'delete_note';
  const deleted = await client.callTool({ name: 'delete_note', arguments: { id } });
  const text = deleted.content?.find((c) => c.type === 'text')?.text ?? '';
  summary.deleted = { text, elicitations };
  check(elicitations.length === 1, `the elicitation handler ran exactly once, ran ${elicitations.length} times`);
  check(JSON.stringify(elicitations[0]?.requestedSchema ?? {}).includes('"confirm"'), 'the elicitation asks for "confirm"');
  check(!deleted.isError && text.startsWith('Deleted'), `delete_note says Deleted, got ${JSON.stringify(deleted)}`);
  const calls = wire.filter((w) => w.method === 'tools/call' && w.params?.name === 'delete_note');
  summary.deleted.legs = calls.map((c) => ({ inputResponses: c.params.inputResponses, requestState: c.params.requestState !== undefined }));
  check(calls.length === 2 && !calls[0].params.inputResponses, `delete_note took 2 tools/call legs, took ${calls.length}`);
  check(calls[1].params.inputResponses?.confirm_delete?.action === 'accept' && typeof calls[1].params.requestState === 'string',
    'the retry carries inputResponses.confirm_delete (accept) and the requestState');

  step = 'resources/read (deleted)';
  const gone = await client.readResource({ uri: `notes://${id}` }, { cacheMode: 'bypass' }).then((r) => ({ result: r }), (e) => ({ error: e }));
  summary.readAfterDelete = gone.error ? { code: gone.error.code, message: gone.error.message } : gone.result;
  check(gone.error?.code === -32602, `reading notes://${id} after delete fails with -32602, got ${JSON.stringify(summary.readAfterDelete)}`);

  step = 'wire';
  const off = wire.filter((w) => w.method !== 'server/discover' && (w.header !== VERSION || w.meta !== VERSION));
  check(off.length === 0, `every request after server/discover sends MCP-Protocol-Version and _meta ${VERSION}: ${JSON.stringify(off)}`);
  check(wire[0].meta === VERSION, `server/discover's _meta claims ${VERSION}, got ${wire[0].meta}`);
  summary.wire = wire.map((w) => `${w.method} header=${w.header} _meta=${w.meta}`);
  summary.elicitationCount = elicitations.length;
} catch (e) {
  summary.failed = { step, message: String(e?.message ?? e), code: e?.code };
  summary.wire ??= wire.map((w) => ({ method: w.method, header: w.header, meta: w.meta }));
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
if (summary.failed) {
  console.error(`TypeScript SDK v2 (2026-07-28) interop failed at ${step}: ${summary.failed.message}`);
  process.exit(1);
}
console.log(`TypeScript SDK v2 (2026-07-28) interop: all checks passed (${wire.length} requests at ${VERSION}, `
  + `1 elicitation round trip, server ${summary.discover.serverInfo?.name ?? '?'} offers ${summary.discover.supportedVersions.join(', ')})`);
