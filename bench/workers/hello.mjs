// The baseline Worker for bench/workers.sh: answers every request with a fixed JSON-RPC result, no wasm.
export default {
  fetch() {
    return new Response('{"jsonrpc":"2.0","id":1,"result":{}}', { headers: { "content-type": "application/json" } });
  },
};
