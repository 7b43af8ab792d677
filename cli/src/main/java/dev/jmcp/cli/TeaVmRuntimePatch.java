package dev.jmcp.cli;

import java.util.regex.Pattern;

/**
 * Adapts TeaVM's ES-module runtime for WebAssembly GC ({@code wasm-gc-module-runtime.js}, unminified, from
 * teavm-core) to Cloudflare Workers, which refuse to generate code at run time:
 * <ul>
 *   <li>no wasm compilation from bytes: {@code compileModule} takes the {@code WebAssembly.Module} the Worker imports
 *       statically (wrangler's CompiledWasm rule) and refuses anything else;</li>
 *   <li>no {@code new Function}: each use (global lookups, export wrappers, the call/construct/array trampolines)
 *       becomes a closure, and {@code @JSBody} scripts come from a table generated at build time
 *       ({@code registerJsBodies}); the trampolines, one closure per family for all arities, are looked up by name
 *       as instantiation asks for them;</li>
 *   <li>no dynamic {@code import()} (miniflare refuses to load a module with one): those paths throw;</li>
 *   <li>no JS-string builtins (probing compiles a module, and Workers do not pass them): TeaVM's polyfill is used.</li>
 * </ul>
 * Every edit is anchored on TeaVM's source text and must match exactly once; when TeaVM changes that text the build
 * fails naming the anchor, instead of producing a loader that breaks at run time. Pin the TeaVM version.
 */
final class TeaVmRuntimePatch {
    private static final String HELPERS = """
            // jmcp: Workers adaptation (see dev.jmcp.cli.TeaVmRuntimePatch). Code generation is forbidden in a Worker, so
            // globals are looked up by path and @JSBody scripts come from a table made at build time.
            function jmcpGlobal(name) {
              const parts = name.split(".");
              if (!(parts[0] in globalThis)) throw new ReferenceError(name + " is not defined");
              let value = globalThis;
              for (const part of parts) value = value[part];
              return value;
            }
            function jmcpSetGlobal(name, value) {
              const parts = name.split(".");
              let target = globalThis;
              for (let i = 0; i < parts.length - 1; i++) target = target[parts[i]];
              target[parts[parts.length - 1]] = value;
            }
            var jmcpJsBodies = /* @__PURE__ */ new Map();
            var jmcpJsBodyCollector = null;
            // Build time only (jmcp build instantiates the module in Node): records the scripts TeaVM asks for.
            function collectJsBodies(collector) {
              jmcpJsBodyCollector = collector;
            }
            function registerJsBodies(table) {
              for (const [key, fn] of Object.entries(table)) jmcpJsBodies.set(key, fn);
            }
            function jmcpJsBody(namesAndBody, wrapCallFromJavaToJs) {
              const body = namesAndBody[namesAndBody.length - 1];
              const key = namesAndBody.slice(0, -1).join(",") + "|" + body;
              const fn = jmcpJsBodies.get(key);
              if (fn === undefined && jmcpJsBodyCollector !== null) {
                jmcpJsBodyCollector(key);
                return () => undefined;
              }
              if (fn === undefined) throw new Error("[jmcp] @JSBody script not in the build-time table (eval is disallowed in Workers): " + key);
              return fn.bind(null, wrapCallFromJavaToJs);
            }
            // A wrapper that passes `count` arguments on (the last as an array of the rest when vararg), as TeaVM's
            // generated wrappers do.
            function jmcpForward(count, vararg, args) {
              if (!vararg) return Array.prototype.slice.call(args, 0, count).concat(new Array(Math.max(0, count - args.length)));
              const fixed = Array.prototype.slice.call(args, 0, count - 1);
              while (fixed.length < count - 1) fixed.push(undefined);
              fixed.push(Array.prototype.slice.call(args, count - 1));
              return fixed;
            }
            """;

    private TeaVmRuntimePatch() {
    }

    /** The patched runtime; a {@link Failure} naming the anchor when TeaVM's source does not match. */
    static String apply(String source) {
        String s = source;
        s = replaceOnce(s, "getGlobalName", "result = new Function(\"return \" + name + \";\");", "result = () => jmcpGlobal(name);");
        s = replaceOnce(s, "setGlobalName", "new Function(\"value\", name + \" = value;\")(value);", "jmcpSetGlobal(name, value);");
        s = replaceBetween(s, "defineFunction",
                "    const paramsAsString = paramsForString.join(\", \");\n    return new Function(\n", ")(rethrowJavaAsJs, fn);\n  }\n",
                """
                    return function(...args) {
                      try {
                        return fn(...jmcpForward(fn.length, vararg, args));
                      } catch (e) {
                        rethrowJavaAsJs(e);
                      }
                    };
                  }
                """);
        s = replaceBetween(s, "renameConstructor", "  function renameConstructor(name, c) {\n", ")(c);\n  }\n",
                """
                  function renameConstructor(name, c) {
                    const renamed = function(marker, javaObject) {
                      return c.call(this, marker, javaObject);
                    };
                    Object.defineProperty(renamed, "name", { value: name });
                    return renamed;
                  }
                """);
        s = replaceBetween(s, "defineMethod", "      const paramsAsString = paramsForString.join(\", \");\n      cls.prototype[name] = new Function(\n",
                ")(rethrowJavaAsJs, fn);\n    },\n",
                """
                      cls.prototype[name] = function(...args) {
                        try {
                          return fn(this, ...jmcpForward(fn.length - 1, vararg, args));
                        } catch (e) {
                          rethrowJavaAsJs(e);
                        }
                      };
                    },
                """);
        s = replaceBetween(s, "trampolines", "  const argumentList = [];\n  for (let i = 0; i < 32; ++i) {\n",
                "    argumentList.push(\"p\" + (i + 1));\n  }\n",
                """
                  // jmcp: one closure per trampoline family serves every arity (wasm passes exactly the declared
                  // arguments), found by name when instantiation asks: defining all 6 x 32 names up front cost about
                  // half a millisecond of every cold start, and a module imports a handful of them.
                  const jmcpTrampolines = {
                    createFunction: (...namesAndBody) => jmcpJsBody(namesAndBody, wrapCallFromJavaToJs),
                    bindFunction: (f, ...bindArgs) => f.bind(null, ...bindArgs),
                    callFunction: (fn, ...a) => {
                      try {
                        return fn(...a);
                      } catch (e) {
                        rethrowJsAsJava(e);
                      }
                    },
                    callMethod: (instance, method, ...a) => {
                      try {
                        return instance !== null ? instance[method](...a) : getGlobalName(method)(...a);
                      } catch (e) {
                        rethrowJsAsJava(e);
                      }
                    },
                    construct: (constructor, ...a) => {
                      try {
                        return new constructor(...a);
                      } catch (e) {
                        rethrowJsAsJava(e);
                      }
                    },
                    arrayOf: (...a) => a
                  };
                  imports.teavmJso = new Proxy(imports.teavmJso, {
                    get(target, name) {
                      if (name in target) return target[name];
                      const m = typeof name === "string" ? /^([A-Za-z]+)(\\d+)$/.exec(name) : null;
                      return m !== null && Object.hasOwn(jmcpTrampolines, m[1]) && Number(m[2]) < 32 ? jmcpTrampolines[m[1]] : undefined;
                    }
                  });
                """);
        s = replaceOnce(s, "wrapImports", "const moduleInstance = await import(module);",
                "const moduleInstance = (() => { throw new Error(\"[jmcp] the wasm module imports the JS module \" + module + \", which a Worker cannot load at run time\"); })();");
        s = replaceOnce(s, "load: isNodeJs", "const isNodeJs = options.nodejs || typeof process !== \"undefined\";", "const isNodeJs = false;");
        s = replaceOnce(s, "compileModule", "async function compileModule(src, isNodeJs) {\n",
                "async function compileModule(src, isNodeJs) {\n  if (src instanceof WebAssembly.Module) return src;\n"
                        + "  throw new Error(\"[jmcp] Workers cannot compile wasm at run time; import the .wasm file statically and pass the WebAssembly.Module\");\n");
        s = replaceOnce(s, "hasStringBuiltins", "function hasStringBuiltins() {\n", "function hasStringBuiltins() {\n  return Promise.resolve(false);\n");
        s = replaceOnce(s, "importNodeFs", "nodeFsImportObject = import(\"node:fs/promises\");",
                "nodeFsImportObject = Promise.reject(new Error(\"[jmcp] no file system in a Worker\"));");
        s = replaceOnce(s, "loadEmscriptenModules", "import(pathToJs),", "Promise.reject(new Error(\"[jmcp] no emscripten modules in a Worker\")),");
        s = replaceOnce(s, "exports", "export {\n  defaults,\n  load,\n  wrapImport\n};", "export {\n  collectJsBodies,\n  defaults,\n  load,\n  registerJsBodies,\n  wrapImport\n};");
        s = HELPERS + s;
        // Code generation in any spelling: new Function(...), Function(...), eval(...), dynamic import(...).
        for (String forbidden : new String[] {"Function", "eval", "import"}) {
            if (Pattern.compile("(?<![\\w$.])" + forbidden + "\\s*\\(").matcher(s).find()) {
                throw changed("no " + forbidden + "(...) may remain, but one does");
            }
        }
        return s;
    }

    private static String replaceOnce(String source, String anchor, String from, String to) {
        int at = source.indexOf(from);
        if (at < 0) throw changed("anchor \"" + anchor + "\" not found: " + firstLine(from));
        if (source.indexOf(from, at + 1) >= 0) throw changed("anchor \"" + anchor + "\" matches more than once: " + firstLine(from));
        return source.substring(0, at) + to + source.substring(at + from.length());
    }

    /** Replaces the text from {@code start} through the first {@code end} after it. */
    private static String replaceBetween(String source, String anchor, String start, String end, String to) {
        int from = source.indexOf(start);
        if (from < 0) throw changed("anchor \"" + anchor + "\" (start) not found: " + firstLine(start));
        if (source.indexOf(start, from + 1) >= 0) throw changed("anchor \"" + anchor + "\" (start) matches more than once");
        int until = source.indexOf(end, from + start.length());
        if (until < 0) throw changed("anchor \"" + anchor + "\" (end) not found after its start: " + firstLine(end));
        return source.substring(0, from) + to + source.substring(until + end.length());
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " ...";
    }

    private static Failure changed(String what) {
        return new Failure("TeaVM's wasm-gc runtime does not look as jmcp expects (" + what + "); jmcp adapts TeaVM "
                + TeaVmBuild.TEAVM_VERSION + "'s runtime for Workers, so build with that TeaVM version or update TeaVmRuntimePatch");
    }
}
