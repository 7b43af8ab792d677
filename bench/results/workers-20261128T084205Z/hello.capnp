using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:43721", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "hello/worker.js")
  ],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = ["disallow_eval_during_startup"],
);
