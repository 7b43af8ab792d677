using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:33367", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "jmcp/worker.js"),
    (name = "1c2d2813f287e0f0176054f65d6837c9b9372324-app.wasm", wasm = embed "jmcp/1c2d2813f287e0f0176054f65d6837c9b9372324-app.wasm")
  ],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = ["disallow_eval_during_startup"],
);
