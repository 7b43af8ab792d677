// The official MCP TypeScript SDK's side of jmcp's load test: the benchmark's two tools on the SDK's stateless
// Streamable HTTP server, set up as the SDK's own example (examples/server/simpleStatelessStreamableHttp) does:
// createMcpExpressApp, and per request a fresh McpServer and StreamableHTTPServerTransport with
// sessionIdGenerator undefined (a stateless transport refuses to serve a second request). enableJsonResponse makes
// it answer with JSON, as the other servers do, instead of an SSE stream.
//
// Usage: node ts-server.mjs PORT CATALOG_JSON [express|http]
//   express (default): the SDK's createMcpExpressApp, as in its example
//   http: plain node:http, the leanest setup the SDK allows
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import * as z from 'zod/v4';

const [port, catalogFile, mode = 'express'] = process.argv.slice(2);
const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
const echoInput = { text: z.string().describe('Text to echo back') };

function benchServer() {
    const server = new McpServer({ name: 'ts-sdk-bench', version: '1.0.0' });
    server.registerTool('echo', {
        description: 'Echoes the text back',
        inputSchema: echoInput,
        annotations: { readOnlyHint: true }
    }, async ({ text }) => ({ content: [{ type: 'text', text: 'echo: ' + text }] }));
    server.registerTool('catalog', {
        description: 'Returns one page of the product catalog',
        annotations: { readOnlyHint: true }
    }, async () => ({
        content: [{ type: 'text', text: JSON.stringify(catalog) }], // the JSON text as well, as the spec asks
        structuredContent: catalog
    }));
    return server;
}

async function serve(req, res, body) {
    const server = benchServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
        transport.close();
        server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
}

function fail(res, error) {
    console.error('ts-server: request failed:', error);
    if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null }));
    }
}

let listener;
if (mode === 'express') {
    const app = createMcpExpressApp();
    app.post('/mcp', (req, res) => serve(req, res, req.body).catch(error => fail(res, error)));
    listener = app.listen(Number(port), '127.0.0.1');
} else if (mode === 'http') {
    listener = createServer((req, res) => {
        if (req.method !== 'POST' || req.url !== '/mcp') {
            res.writeHead(405).end();
            return;
        }
        serve(req, res, undefined).catch(error => fail(res, error)); // the transport reads and parses the body
    }).listen(Number(port), '127.0.0.1');
} else {
    console.error(`ts-server: unknown mode "${mode}"; use express or http`);
    process.exit(2);
}
listener.on('listening', () => console.error(`ts-server (${mode}) listening on http://127.0.0.1:${port}/mcp`));
process.on('SIGTERM', () => process.exit(0));
