var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// worker.mjs
import appModule from "./1c2d2813f287e0f0176054f65d6837c9b9372324-app.wasm";

// teavm-runtime.mjs
function jmcpGlobal(name) {
  const parts = name.split(".");
  if (!(parts[0] in globalThis)) throw new ReferenceError(name + " is not defined");
  let value = globalThis;
  for (const part of parts) value = value[part];
  return value;
}
__name(jmcpGlobal, "jmcpGlobal");
function jmcpSetGlobal(name, value) {
  const parts = name.split(".");
  let target = globalThis;
  for (let i = 0; i < parts.length - 1; i++) target = target[parts[i]];
  target[parts[parts.length - 1]] = value;
}
__name(jmcpSetGlobal, "jmcpSetGlobal");
var jmcpJsBodies = /* @__PURE__ */ new Map();
var jmcpJsBodyCollector = null;
function registerJsBodies(table) {
  for (const [key, fn] of Object.entries(table)) jmcpJsBodies.set(key, fn);
}
__name(registerJsBodies, "registerJsBodies");
function jmcpJsBody(namesAndBody, wrapCallFromJavaToJs) {
  const body = namesAndBody[namesAndBody.length - 1];
  const key = namesAndBody.slice(0, -1).join(",") + "|" + body;
  const fn = jmcpJsBodies.get(key);
  if (fn === void 0 && jmcpJsBodyCollector !== null) {
    jmcpJsBodyCollector(key);
    return () => void 0;
  }
  if (fn === void 0) throw new Error("[jmcp] @JSBody script not in the build-time table (eval is disallowed in Workers): " + key);
  return fn.bind(null, wrapCallFromJavaToJs);
}
__name(jmcpJsBody, "jmcpJsBody");
function jmcpForward(count, vararg, args) {
  if (!vararg) return Array.prototype.slice.call(args, 0, count).concat(new Array(Math.max(0, count - args.length)));
  const fixed = Array.prototype.slice.call(args, 0, count - 1);
  while (fixed.length < count - 1) fixed.push(void 0);
  fixed.push(Array.prototype.slice.call(args, count - 1));
  return fixed;
}
__name(jmcpForward, "jmcpForward");
var globalsCache = /* @__PURE__ */ new Map();
var exceptionFrameRegex = /.+:wasm-function\[[0-9]+]:0x([0-9a-f]+).*/;
function getGlobalName(name) {
  let result = globalsCache.get(name);
  if (typeof result === "undefined") {
    result = /* @__PURE__ */ __name(() => jmcpGlobal(name), "result");
    globalsCache.set(name, result);
  }
  return result();
}
__name(getGlobalName, "getGlobalName");
function setGlobalName(name, value) {
  jmcpSetGlobal(name, value);
}
__name(setGlobalName, "setGlobalName");
function defaults(imports, userExports, stringBuiltins) {
  const context = {
    exports: null,
    userExports,
    stackDeobfuscator: null
  };
  if (!stringBuiltins) {
    stringImports(imports);
  }
  dateImports(imports);
  consoleImports(imports);
  coreImports(imports, context);
  asyncImports(imports);
  jsoImports(imports, context, stringBuiltins);
  imports.teavmMath = Math;
  return {
    supplyExports(exports) {
      context.exports = exports;
    },
    supplyStackDeobfuscator(deobfuscator) {
      context.stackDeobfuscator = deobfuscator;
    }
  };
}
__name(defaults, "defaults");
var javaExceptionSymbol = /* @__PURE__ */ Symbol("javaException");
var JavaError = class extends Error {
  static {
    __name(this, "JavaError");
  }
  #context;
  [javaExceptionSymbol];
  constructor(context, javaException) {
    super();
    this.#context = context;
    this[javaExceptionSymbol] = javaException;
    context.exports["teavm.setJsException"](javaException, this);
  }
  get message() {
    const exceptionMessage = this.#context.exports["teavm.exceptionMessage"];
    const stringToJs = this.#context.exports["teavm.stringToJs"];
    if (typeof exceptionMessage === "function" && typeof stringToJs === "function") {
      const msg = exceptionMessage(this[javaExceptionSymbol]);
      if (msg != null) {
        return stringToJs(msg);
      }
    }
    return "(could not fetch message)";
  }
};
function stringImports(imports) {
  imports["wasm:js-string"] = {
    fromCharCode: /* @__PURE__ */ __name((code) => String.fromCharCode(code), "fromCharCode"),
    fromCharCodeArray: /* @__PURE__ */ __name(() => {
      throw new Error("Not supported");
    }, "fromCharCodeArray"),
    intoCharCodeArray: /* @__PURE__ */ __name(() => {
      throw new Error("Not supported");
    }, "intoCharCodeArray"),
    concat: /* @__PURE__ */ __name((first, second) => first + second, "concat"),
    charCodeAt: /* @__PURE__ */ __name((string, index) => string.charCodeAt(index), "charCodeAt"),
    length: /* @__PURE__ */ __name((s) => s.length, "length"),
    substring: /* @__PURE__ */ __name((s, start2, end) => s.substring(start2, end), "substring")
  };
}
__name(stringImports, "stringImports");
function dateImports(imports) {
  imports.teavmDate = {
    currentTimeMillis: /* @__PURE__ */ __name(() => (/* @__PURE__ */ new Date()).getTime(), "currentTimeMillis"),
    dateToString: /* @__PURE__ */ __name((timestamp) => new Date(timestamp).toString(), "dateToString"),
    getYear: /* @__PURE__ */ __name((timestamp) => new Date(timestamp).getFullYear(), "getYear"),
    setYear(timestamp, year) {
      const date = new Date(timestamp);
      date.setFullYear(year);
      return date.getTime();
    },
    getMonth: /* @__PURE__ */ __name((timestamp) => new Date(timestamp).getMonth(), "getMonth"),
    setMonth(timestamp, month) {
      const date = new Date(timestamp);
      date.setMonth(month);
      return date.getTime();
    },
    getDate: /* @__PURE__ */ __name((timestamp) => new Date(timestamp).getDate(), "getDate"),
    setDate(timestamp, value) {
      const date = new Date(timestamp);
      date.setDate(value);
      return date.getTime();
    },
    create: /* @__PURE__ */ __name((year, month, date, hrs, min, sec) => new Date(year, month, date, hrs, min, sec).getTime(), "create"),
    createFromUTC: /* @__PURE__ */ __name((year, month, date, hrs, min, sec) => Date.UTC(year, month, date, hrs, min, sec), "createFromUTC")
  };
}
__name(dateImports, "dateImports");
function consoleImports(imports) {
  let stderr = "";
  let stdout = "";
  imports.teavmConsole = {
    putcharStderr(c) {
      if (c === 10) {
        console.error(stderr);
        stderr = "";
      } else {
        stderr += String.fromCharCode(c);
      }
    },
    putcharStdout(c) {
      if (c === 10) {
        console.log(stdout);
        stdout = "";
      } else {
        stdout += String.fromCharCode(c);
      }
    }
  };
}
__name(consoleImports, "consoleImports");
function align(address, shift) {
  return (address - 1 >> shift) + 1 << shift;
}
__name(align, "align");
async function linkImports(imports, options, module, emscriptenModules) {
  const memoryOptions = options.memory ?? {};
  const memDefaults = module ? getMemoryDefaults(module) : {};
  let memoryInstance = memoryOptions.external;
  const stackSize = options.stack ?? 2 * (1 << 20);
  let ptr = memDefaults.dataSize ?? 0;
  let tablePtr = 0;
  for (const emscriptenModule of emscriptenModules) {
    const dylinkInfo = extractDylinkInfo(emscriptenModule.wasmModule);
    const memSize = dylinkInfo.memorySize ?? 0;
    const memAlign = dylinkInfo.memoryAlignment ?? 1;
    const tableSize = dylinkInfo.tableSize ?? 0;
    const tableAlign = dylinkInfo.tableAlignment ?? 1;
    if (memSize > 0) {
      ptr = align(ptr, memAlign);
      emscriptenModule.memoryOffset = ptr;
      ptr += memSize;
    }
    if (tableSize > 0) {
      tablePtr = align(tablePtr, tableAlign);
      emscriptenModule.tableOffset = tablePtr;
      tablePtr += tableSize;
    }
  }
  let stackPtr = -1;
  let stackLow = -1;
  let stackHigh = -1;
  if (emscriptenModules.length > 0) {
    ptr = align(ptr, 4);
    stackPtr = ptr;
    stackLow = ptr;
    ptr += stackSize;
    ptr = align(ptr, 4);
    stackHigh = ptr;
  }
  let maxSize = memoryOptions.maxSize;
  ptr = align(ptr, 8);
  const heapOffset = ptr;
  if (!memoryInstance) {
    const minSize = memDefaults.min ?? 0;
    ptr += minSize;
    ptr = Math.max(ptr, memoryOptions.minSize ?? 0);
    const shared = memoryOptions.shared ?? memDefaults.shared ?? false;
    maxSize ??= (1 << 31) - 1 | 0;
    const initialPages = Math.max(minSize, emscriptenModules.length === 0 ? 1 : 256);
    const maxPages = shared ? initialPages : (maxSize - 1 >> 16) + 1;
    memoryInstance = new WebAssembly.Memory({
      shared,
      initial: initialPages,
      maximum: maxPages
    });
  }
  const tableInstance = tablePtr > 0 ? new WebAssembly.Table({ initial: tablePtr, element: "anyfunc" }) : null;
  imports.env = { memory: memoryInstance };
  imports.teavmMemory = {
    linearMemory() {
      return memoryInstance.buffer;
    },
    notifyHeapResized: memoryOptions.onResize ?? function() {
    },
    heapOffset: new WebAssembly.Global({ value: "i32", mutable: false }, heapOffset),
    maxSize: new WebAssembly.Global({ value: "i32", mutable: false }, maxSize)
  };
  const allocator = { malloc: null, free: null, realloc: null };
  await Promise.all(emscriptenModules.map(async ({ name, wasmModule, jsLoader, tableOffset, memoryOffset }) => {
    const loadedEmscripten = await jsLoader({
      wasmMemory: memoryInstance,
      instantiateWasm(emscriptenImports, successCallback) {
        emscriptenImports.env = {
          memory: memoryInstance,
          malloc: /* @__PURE__ */ __name((size) => allocator.malloc(size), "malloc"),
          free: /* @__PURE__ */ __name((p) => allocator.free(p), "free"),
          realloc: /* @__PURE__ */ __name((p, newSize) => allocator.realloc(p, newSize), "realloc"),
          __indirect_function_table: tableInstance,
          __memory_base: new WebAssembly.Global({ value: "i32", mutable: false }, memoryOffset ?? 0),
          __table_base: new WebAssembly.Global({ value: "i32", mutable: false }, tableOffset ?? 0),
          __stack_pointer: new WebAssembly.Global({ value: "i32", mutable: true }, stackPtr)
        };
        emscriptenImports["GOT.mem"] = {
          __stack_low: new WebAssembly.Global({ value: "i32", mutable: true }, stackLow),
          __stack_high: new WebAssembly.Global({ value: "i32", mutable: true }, stackHigh)
        };
        WebAssembly.instantiate(wasmModule, emscriptenImports).then(successCallback);
      }
    });
    const importObj = {};
    for (const { name: exportName, kind: exportKind } of WebAssembly.Module.exports(wasmModule)) {
      if (exportKind === "function") {
        const fn = loadedEmscripten["_" + exportName];
        if (typeof fn === "function") {
          importObj[exportName] = fn;
        }
      }
    }
    imports[name] = importObj;
  }));
  return allocator;
}
__name(linkImports, "linkImports");
var ReaderHelper = class {
  static {
    __name(this, "ReaderHelper");
  }
  ptr = 0;
  array;
  constructor(array) {
    this.array = array;
  }
  readVarInt() {
    let result = 0;
    let shift = 0;
    while (true) {
      const b = this.array[this.ptr++];
      result |= (b & 127) << shift;
      if ((b & 128) === 0) {
        return result;
      }
      shift += 7;
    }
  }
};
function extractDylinkInfo(module) {
  const sections = WebAssembly.Module.customSections(module, "dylink.0");
  if (sections.length !== 1) {
    return {};
  }
  const section = new ReaderHelper(new Int8Array(sections[0]));
  const dylinkInfo = {};
  while (section.ptr < section.array.length) {
    const subsectionType = section.array[section.ptr++];
    const nextSubsection = section.ptr + section.readVarInt();
    switch (subsectionType) {
      case 1:
        dylinkInfo.memorySize = section.readVarInt();
        dylinkInfo.memoryAlignment = section.readVarInt();
        dylinkInfo.tableSize = section.readVarInt();
        dylinkInfo.tableAlignment = section.readVarInt();
        break;
    }
    section.ptr = nextSubsection;
  }
  return dylinkInfo;
}
__name(extractDylinkInfo, "extractDylinkInfo");
function coreImports(imports, context) {
  const finalizationRegistry = new FinalizationRegistry((heldValue) => {
    const report = context.exports["teavm.reportGarbageCollectedValue"];
    if (typeof report !== "undefined") {
      report(heldValue.queue, heldValue.ref);
    }
  });
  const stringFinalizationRegistry = new FinalizationRegistry((heldValue) => {
    const report = context.exports?.["teavm.reportGarbageCollectedString"];
    if (typeof report === "function") {
      report(heldValue);
    }
  });
  imports.teavm = {
    createWeakRef(value, ref, queue) {
      if (queue !== null) {
        finalizationRegistry.register(value, { ref, queue });
      }
      return new WeakRef(value);
    },
    deref: /* @__PURE__ */ __name((weakRef) => {
      const result = weakRef.deref();
      return result !== void 0 ? result : null;
    }, "deref"),
    createStringWeakRef(value, heldValue) {
      stringFinalizationRegistry.register(value, heldValue);
      return new WeakRef(value);
    },
    stringDeref: /* @__PURE__ */ __name((weakRef) => weakRef.deref(), "stringDeref"),
    takeStackTrace(exceptionClassName) {
      const stack = new Error().stack ?? "";
      const addresses = [];
      for (const line of stack.split("\n")) {
        const match = exceptionFrameRegex.exec(line);
        if (match !== null && match.length >= 2) {
          addresses.push(parseInt(match[1], 16));
        }
      }
      return {
        getStack() {
          let result;
          if (context.stackDeobfuscator) {
            try {
              result = context.stackDeobfuscator(addresses);
            } catch (e) {
              console.warn("Could not deobfuscate stack", e);
            }
          }
          if (!result) {
            result = addresses.map((address) => ({
              className: "java.lang.Throwable$FakeClass",
              method: "fakeMethod",
              file: "Throwable.java",
              line: address
            }));
          } else if (exceptionClassName !== null) {
            if (result.length > 0 && result[0].className === "java.lang.Throwable" && result[0].method === "fillInStackTrace") {
              result.shift();
            }
            let foundIndex = -1;
            for (let i = 0; i < result.length; ++i) {
              if (result[i].method !== "<init>") {
                break;
              }
              if (result[i].className === exceptionClassName) {
                foundIndex = i + 1;
                break;
              }
            }
            if (foundIndex >= 0) {
              result.splice(0, foundIndex);
            }
          }
          return result;
        }
      };
    },
    decorateException(javaException) {
      new JavaError(context, javaException);
    }
  };
}
__name(coreImports, "coreImports");
function asyncImports(imports) {
  imports.teavmAsync = {
    offer(instance, fn, time) {
      const dt = Math.max(0, time - Date.now());
      return setTimeout(() => {
        fn(instance);
      }, dt);
    },
    kill(id) {
      clearTimeout(id);
    }
  };
}
__name(asyncImports, "asyncImports");
function getMemoryDefaults(module) {
  const sections = WebAssembly.Module.customSections(module, "teavm.memoryRequirements");
  if (sections.length !== 1) {
    return {};
  }
  return JSON.parse(new TextDecoder().decode(sections[0]));
}
__name(getMemoryDefaults, "getMemoryDefaults");
function jsoImports(imports, context, stringBuiltins) {
  const javaObjectSymbol = /* @__PURE__ */ Symbol("javaObject");
  const functionsSymbol = /* @__PURE__ */ Symbol("functions");
  const functionOriginSymbol = /* @__PURE__ */ Symbol("functionOrigin");
  const wrapperCallMarkerSymbol = /* @__PURE__ */ Symbol("wrapperCallMarker");
  const jsWrappers = /* @__PURE__ */ new WeakMap();
  const javaWrappers = /* @__PURE__ */ new WeakMap();
  const primitiveWrappers = /* @__PURE__ */ new Map();
  const primitiveFinalization = new FinalizationRegistry((token) => primitiveWrappers.delete(token));
  const hashCodes = /* @__PURE__ */ new WeakMap();
  let lastHashCode = 2463534242;
  const nextHashCode = /* @__PURE__ */ __name(() => {
    let x = lastHashCode;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    lastHashCode = x;
    return x;
  }, "nextHashCode");
  function identity(value) {
    return value;
  }
  __name(identity, "identity");
  function sanitizeName(str) {
    let result = "";
    const firstChar = str.charAt(0);
    result += isIdentifierStart(firstChar) ? firstChar : "_";
    for (let i = 1; i < str.length; ++i) {
      const c = str.charAt(i);
      result += isIdentifierPart(c) ? c : "_";
    }
    return result;
  }
  __name(sanitizeName, "sanitizeName");
  function isIdentifierStart(s) {
    return s >= "A" && s <= "Z" || s >= "a" && s <= "z" || s === "_" || s === "$";
  }
  __name(isIdentifierStart, "isIdentifierStart");
  function isIdentifierPart(s) {
    return isIdentifierStart(s) || s >= "0" && s <= "9";
  }
  __name(isIdentifierPart, "isIdentifierPart");
  function setProperty(obj, prop, value) {
    if (obj === null) {
      setGlobalName(prop, value);
    } else {
      obj[prop] = value;
    }
  }
  __name(setProperty, "setProperty");
  function javaExceptionToJs(e) {
    if (e instanceof WebAssembly.Exception) {
      const tag = context.exports["teavm.javaException"];
      const getJsException = context.exports["teavm.getJsException"];
      if (e.is(tag)) {
        const javaException = e.getArg(tag, 0);
        const extracted = extractException(javaException);
        if (extracted !== null) {
          return extracted;
        }
        let wrapper = getJsException(javaException);
        if (typeof wrapper === "undefined") {
          wrapper = new JavaError(context, javaException);
        }
        return wrapper;
      }
    }
    return e;
  }
  __name(javaExceptionToJs, "javaExceptionToJs");
  function jsExceptionAsJava(e) {
    if (javaExceptionSymbol in e) {
      return e[javaExceptionSymbol];
    } else {
      return context.exports["teavm.js.wrapException"](e);
    }
  }
  __name(jsExceptionAsJava, "jsExceptionAsJava");
  function rethrowJsAsJava(e) {
    context.exports["teavm.js.throwException"](jsExceptionAsJava(e));
    throw e;
  }
  __name(rethrowJsAsJava, "rethrowJsAsJava");
  function extractException(e) {
    return context.exports["teavm.js.extractException"](e);
  }
  __name(extractException, "extractException");
  function rethrowJavaAsJs(e) {
    throw javaExceptionToJs(e);
  }
  __name(rethrowJavaAsJs, "rethrowJavaAsJs");
  function getProperty(obj, prop) {
    try {
      return obj !== null ? obj[prop] : getGlobalName(prop);
    } catch (e) {
      rethrowJsAsJava(e);
    }
  }
  __name(getProperty, "getProperty");
  function defineFunction(fn, vararg) {
    const params = [];
    const paramsForString = [];
    for (let i = 0; i < fn.length; ++i) {
      const name = "p" + i;
      params.push(name);
      paramsForString.push(name);
    }
    if (vararg) {
      const last = paramsForString.length - 1;
      paramsForString[last] = "..." + paramsForString[last];
    }
    return function(...args) {
      try {
        return fn(...jmcpForward(fn.length, vararg, args));
      } catch (e) {
        rethrowJavaAsJs(e);
      }
    };
  }
  __name(defineFunction, "defineFunction");
  function renameConstructor(name, c) {
    const renamed = /* @__PURE__ */ __name(function(marker, javaObject) {
      return c.call(this, marker, javaObject);
    }, "renamed");
    Object.defineProperty(renamed, "name", { value: name });
    return renamed;
  }
  __name(renameConstructor, "renameConstructor");
  imports.teavmJso = {
    stringBuiltinsSupported: /* @__PURE__ */ __name(() => stringBuiltins, "stringBuiltinsSupported"),
    isUndefined: /* @__PURE__ */ __name((o) => typeof o === "undefined", "isUndefined"),
    emptyArray: /* @__PURE__ */ __name(() => [], "emptyArray"),
    appendToArray: /* @__PURE__ */ __name((array, e) => array.push(e), "appendToArray"),
    unwrapBoolean: /* @__PURE__ */ __name((value) => value ? 1 : 0, "unwrapBoolean"),
    wrapBoolean: /* @__PURE__ */ __name((value) => !!value, "wrapBoolean"),
    getProperty,
    setProperty,
    setPropertyPure: setProperty,
    global(name) {
      try {
        return getGlobalName(name);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    },
    createClass(name, parent, constructor) {
      name = sanitizeName(name ?? "JavaObject");
      let action;
      const fn = renameConstructor(name, /* @__PURE__ */ __name(function javajava(marker, javaObject) {
        if (marker === wrapperCallMarkerSymbol) {
          action.call(this, javaObject);
        } else if (constructor === null) {
          throw new Error("This class can't be instantiated directly");
        } else {
          try {
            return constructor.apply(null, arguments);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        }
      }, "javajava"));
      if (parent === null) {
        action = /* @__PURE__ */ __name(function(javaObject) {
          this[javaObjectSymbol] = javaObject;
          this[functionsSymbol] = null;
        }, "action");
      } else {
        action = /* @__PURE__ */ __name(function(javaObject) {
          parent.call(this, javaObject);
        }, "action");
      }
      fn.prototype = Object.create(parent ? parent.prototype : Object.prototype);
      fn.prototype.constructor = fn;
      const boundFn = renameConstructor(name, function(javaObject) {
        return fn.call(this, wrapperCallMarkerSymbol, javaObject);
      });
      boundFn[wrapperCallMarkerSymbol] = fn;
      boundFn.prototype = fn.prototype;
      return boundFn;
    },
    exportClass(cls) {
      return cls[wrapperCallMarkerSymbol];
    },
    defineMethod(cls, name, fn, vararg) {
      const params = [];
      const paramsForString = [];
      for (let i = 1; i < fn.length; ++i) {
        const p = "p" + i;
        params.push(p);
        paramsForString.push(p);
      }
      if (vararg) {
        const last = paramsForString.length - 1;
        paramsForString[last] = "..." + paramsForString[last];
      }
      cls.prototype[name] = function(...args) {
        try {
          return fn(this, ...jmcpForward(fn.length - 1, vararg, args));
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      };
    },
    defineStaticMethod(cls, name, fn, vararg) {
      cls[name] = defineFunction(fn, vararg);
    },
    defineFunction,
    defineProperty(cls, name, getFn, setFn) {
      const descriptor = {
        get() {
          try {
            return getFn(this);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        }
      };
      if (setFn !== null) {
        descriptor.set = function(value) {
          try {
            setFn(this, value);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        };
      }
      Object.defineProperty(cls.prototype, name, descriptor);
    },
    defineStaticProperty(cls, name, getFn, setFn) {
      const descriptor = {
        get() {
          try {
            return getFn();
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        }
      };
      if (setFn !== null) {
        descriptor.set = function(value) {
          try {
            setFn(value);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        };
      }
      Object.defineProperty(cls, name, descriptor);
    },
    javaObjectToJS(instance, cls) {
      if (instance === null) {
        return null;
      }
      const existing = jsWrappers.get(instance);
      if (typeof existing != "undefined") {
        const result = existing.deref();
        if (typeof result !== "undefined") {
          return result;
        }
      }
      const obj = new cls(instance);
      jsWrappers.set(instance, new WeakRef(obj));
      return obj;
    },
    unwrapJavaObject(instance) {
      return instance[javaObjectSymbol];
    },
    asFunction(instance, propertyName) {
      if (instance === null || instance === void 0) {
        return null;
      }
      let functions = instance[functionsSymbol];
      if (functions === null) {
        functions = /* @__PURE__ */ Object.create(null);
        instance[functionsSymbol] = functions;
      }
      let result = functions[propertyName];
      if (typeof result !== "function") {
        result = /* @__PURE__ */ __name(function() {
          return instance[propertyName].apply(instance, arguments);
        }, "result");
        result[functionOriginSymbol] = instance;
        functions[propertyName] = result;
      }
      return result;
    },
    functionAsObject(fn, property) {
      if (fn === null || fn === void 0) {
        return null;
      }
      const origin = fn[functionOriginSymbol];
      if (typeof origin !== "undefined") {
        const functions = origin[functionsSymbol];
        if (functions !== void 0 && functions[property] === fn) {
          return origin;
        }
      }
      return {
        [property]: function(...args) {
          try {
            return fn(...args);
          } catch (e) {
            rethrowJavaAsJs(e);
          }
        }
      };
    },
    wrapObject(obj) {
      if (obj === null) {
        return null;
      }
      if (typeof obj === "object" || typeof obj === "function" || typeof obj === "symbol") {
        const asRecord = obj;
        let result = asRecord[javaObjectSymbol];
        if (typeof result === "object") {
          return result;
        }
        result = javaWrappers.get(obj)?.deref();
        if (result !== void 0) {
          return result;
        }
        result = context.exports["teavm.jso.createWrapper"](obj);
        javaWrappers.set(obj, new WeakRef(result));
        return result;
      } else {
        let result = primitiveWrappers.get(obj)?.deref();
        if (result !== void 0) {
          return result;
        }
        result = context.exports["teavm.jso.createWrapper"](obj);
        primitiveWrappers.set(obj, new WeakRef(result));
        primitiveFinalization.register(result, obj);
        return result;
      }
    },
    isPrimitive: /* @__PURE__ */ __name((value, type) => typeof value === type || value === null, "isPrimitive"),
    instanceOf: /* @__PURE__ */ __name((value, type) => value instanceof type, "instanceOf"),
    instanceOfOrNull: /* @__PURE__ */ __name((value, type) => value === null || value instanceof type, "instanceOfOrNull"),
    sameRef: /* @__PURE__ */ __name((a, b) => a === b, "sameRef"),
    hashCode: /* @__PURE__ */ __name((obj) => {
      if (typeof obj === "object" || typeof obj === "function" || typeof obj === "symbol") {
        let code = hashCodes.get(obj);
        if (typeof code === "number") {
          return code;
        }
        code = nextHashCode();
        hashCodes.set(obj, code);
        return code;
      } else if (typeof obj === "number") {
        return obj | 0;
      } else if (typeof obj === "bigint") {
        return Number(BigInt.asIntN(32, obj));
      } else if (typeof obj === "boolean") {
        return obj ? 1 : 0;
      } else {
        return 0;
      }
    }, "hashCode"),
    apply: /* @__PURE__ */ __name((instance, method, args) => {
      try {
        if (instance === null) {
          const fn = getGlobalName(method);
          return fn(...args);
        } else {
          return instance[method](...args);
        }
      } catch (e) {
        rethrowJsAsJava(e);
      }
    }, "apply"),
    concatArray: /* @__PURE__ */ __name((a, b) => [...a, ...b], "concatArray"),
    getJavaException: /* @__PURE__ */ __name((e) => e[javaExceptionSymbol], "getJavaException"),
    getJSException: /* @__PURE__ */ __name((e) => {
      const getJsException = context.exports["teavm.getJsException"];
      return getJsException(e);
    }, "getJSException"),
    jsExports: /* @__PURE__ */ __name(() => context.userExports, "jsExports")
  };
  for (const name of [
    "wrapByte",
    "wrapShort",
    "wrapChar",
    "wrapInt",
    "wrapLong",
    "wrapFloat",
    "wrapDouble",
    "unwrapByte",
    "unwrapShort",
    "unwrapChar",
    "unwrapInt",
    "unwrapLong",
    "unwrapFloat",
    "unwrapDouble"
  ]) {
    imports.teavmJso[name] = identity;
  }
  function wrapCallFromJavaToJs(call) {
    try {
      return call();
    } catch (e) {
      rethrowJsAsJava(e);
    }
  }
  __name(wrapCallFromJavaToJs, "wrapCallFromJavaToJs");
  const argumentList = [];
  for (let i = 0; i < 32; ++i) {
    const args = argumentList.length === 0 ? "" : argumentList.join(", ");
    const argsAndBody = [...argumentList, "body"].join(", ");
    imports.teavmJso["createFunction" + i] = (...namesAndBody) => jmcpJsBody(namesAndBody, wrapCallFromJavaToJs);
    imports.teavmJso["bindFunction" + i] = (f, ...bindArgs) => f.bind(null, ...bindArgs);
    imports.teavmJso["callFunction" + i] = (fn, ...a) => {
      try {
        return fn(...a);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    };
    imports.teavmJso["callMethod" + i] = (instance, method, ...a) => {
      try {
        return instance !== null ? instance[method](...a) : getGlobalName(method)(...a);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    };
    imports.teavmJso["construct" + i] = (constructor, ...a) => {
      try {
        return new constructor(...a);
      } catch (e) {
        rethrowJsAsJava(e);
      }
    };
    imports.teavmJso["arrayOf" + i] = (...a) => a;
    argumentList.push("p" + (i + 1));
  }
}
__name(jsoImports, "jsoImports");
async function wrapImports(wasmModule, imports) {
  const promises = [];
  const propertiesToAdd = {};
  for (const { module, name } of extractImports(wasmModule)) {
    if (module in imports) {
      continue;
    }
    let names = propertiesToAdd[module];
    if (names === void 0) {
      const namesByModule = [];
      names = namesByModule;
      propertiesToAdd[module] = names;
      promises.push((async () => {
        const moduleInstance = (() => {
          throw new Error("[jmcp] the wasm module imports the JS module " + module + ", which a Worker cannot load at run time");
        })();
        const importsByModule = {};
        for (const n of namesByModule) {
          const importedName = n === "__self__" ? moduleInstance : moduleInstance[n];
          importsByModule[n] = new WebAssembly.Global(
            { value: "externref", mutable: false },
            importedName
          );
        }
        imports[module] = importsByModule;
      })());
    }
    names.push(name);
  }
  if (promises.length === 0) {
    return;
  }
  await Promise.all(promises);
}
__name(wrapImports, "wrapImports");
function extractImports(module) {
  const sections = WebAssembly.Module.customSections(module, "teavm.imports");
  if (sections.length !== 1) {
    return WebAssembly.Module.imports(module).filter((importDecl) => importDecl.kind === "global");
  }
  return JSON.parse(new TextDecoder().decode(sections[0]));
}
__name(extractImports, "extractImports");
async function load(src, options) {
  if (!options) {
    options = {};
  }
  const isNodeJs = false;
  const emscriptenModulePaths = options.emscriptenModules ?? {};
  const deobfuscatorOptions = options.stackDeobfuscator ?? {};
  const debugInfoLocation = deobfuscatorOptions.infoLocation ?? "auto";
  const compilationPromise = compileModule(src, isNodeJs);
  const [deobfuscatorFactory, module, debugInfo, emscriptenModules] = await Promise.all([
    deobfuscatorOptions.enabled ? getDeobfuscator(src, deobfuscatorOptions, isNodeJs) : Promise.resolve(null),
    compilationPromise,
    fetchExternalDebugInfo(src, debugInfoLocation, deobfuscatorOptions, isNodeJs),
    loadEmscriptenModules(emscriptenModulePaths, isNodeJs)
  ]);
  const importObj = {};
  const userExports = {};
  const defaultsResult = defaults(importObj, userExports, await hasStringBuiltins());
  const allocator = await linkImports(importObj, options, module, emscriptenModules);
  if (typeof options.installImports !== "undefined") {
    options.installImports(importObj);
  }
  if (!options.noAutoImports) {
    await wrapImports(module, importObj);
  }
  const instance = await WebAssembly.instantiate(module, importObj);
  allocator.malloc = instance.exports["teavm.malloc"];
  allocator.free = instance.exports["teavm.free"];
  allocator.realloc = instance.exports["teavm.realloc"];
  defaultsResult.supplyExports(instance.exports);
  if (deobfuscatorFactory) {
    const moduleToPass = debugInfoLocation === "auto" || debugInfoLocation === "embedded" ? module : null;
    const deobfuscator = createDeobfuscator(moduleToPass, debugInfo, deobfuscatorFactory);
    if (deobfuscator !== null) {
      defaultsResult.supplyStackDeobfuscator(deobfuscator);
    }
  }
  const teavm = {
    exports: userExports,
    instance,
    module
  };
  for (const key in instance.exports) {
    const exportObj = instance.exports[key];
    if (exportObj instanceof WebAssembly.Global) {
      Object.defineProperty(userExports, key, {
        get: /* @__PURE__ */ __name(() => exportObj.value, "get")
      });
    }
  }
  return teavm;
}
__name(load, "load");
async function compileModule(src, isNodeJs) {
  if (src instanceof WebAssembly.Module) return src;
  throw new Error("[jmcp] Workers cannot compile wasm at run time; import the .wasm file statically and pass the WebAssembly.Module");
  if (typeof src !== "string") {
    return await WebAssembly.compile(src, { builtins: ["js-string"] });
  }
  const [response, close] = await openPath(src, isNodeJs);
  const result = await WebAssembly.compileStreaming(response, { builtins: ["js-string"] });
  close();
  return result;
}
__name(compileModule, "compileModule");
var hasStringBuiltinsPromise = null;
function hasStringBuiltins() {
  return Promise.resolve(false);
  if (hasStringBuiltinsPromise === null) {
    hasStringBuiltinsPromise = (async () => {
      const bytes = new Int8Array([
        0,
        97,
        115,
        109,
        1,
        0,
        0,
        0,
        1,
        7,
        1,
        96,
        1,
        127,
        1,
        100,
        111,
        2,
        31,
        1,
        14,
        119,
        97,
        115,
        109,
        58,
        106,
        115,
        45,
        115,
        116,
        114,
        105,
        110,
        103,
        12,
        102,
        114,
        111,
        109,
        67,
        104,
        97,
        114,
        67,
        111,
        100,
        101,
        0,
        0,
        3,
        1,
        0,
        5,
        4,
        1,
        1,
        0,
        0,
        7,
        10,
        1,
        6,
        109,
        101,
        109,
        111,
        114,
        121,
        2,
        0,
        10,
        -127,
        -128,
        -128,
        0,
        0
      ]);
      try {
        const response = new Response(bytes, {
          headers: { "Content-Type": "application/wasm" }
        });
        const module = await WebAssembly.compileStreaming(response, { builtins: ["js-string"] });
        await WebAssembly.instantiate(module, {});
        return true;
      } catch (e) {
        return false;
      }
    })();
  }
  return hasStringBuiltinsPromise;
}
__name(hasStringBuiltins, "hasStringBuiltins");
async function getDeobfuscator(path, options, isNodeJs) {
  if (typeof path !== "string" && !options.path) {
    return null;
  }
  try {
    const importObj = {};
    const module = await compileModule(options.path ?? `${path}-deobfuscator.wasm`, isNodeJs);
    const defaultsResult = defaults(importObj, {}, await hasStringBuiltins());
    await linkImports(importObj, {}, module, []);
    const instance = await WebAssembly.instantiate(module, importObj);
    defaultsResult.supplyExports(instance.exports);
    return instance;
  } catch (e) {
    console.warn("Could not load deobfuscator", e);
    return null;
  }
}
__name(getDeobfuscator, "getDeobfuscator");
async function openPath(src, isNodeJs) {
  if (!isNodeJs) {
    const response = await fetch(src);
    return [response, () => {
    }];
  } else {
    const fs = await importNodeFs();
    const fileHandle = await fs.open(src, "r");
    const stream = await fileHandle.readableWebStream();
    const response = new Response(stream, {
      headers: { "Content-Type": "application/wasm" }
    });
    return [response, () => fileHandle.close()];
  }
}
__name(openPath, "openPath");
var nodeFsImportObject;
async function importNodeFs() {
  if (!nodeFsImportObject) {
    nodeFsImportObject = Promise.reject(new Error("[jmcp] no file system in a Worker"));
  }
  return await nodeFsImportObject;
}
__name(importNodeFs, "importNodeFs");
function createDeobfuscator(module, externalData, deobfuscatorFactory) {
  let deobfuscator = null;
  let deobfuscatorInitialized = false;
  function ensureDeobfuscator() {
    if (!deobfuscatorInitialized) {
      deobfuscatorInitialized = true;
      if (externalData !== null) {
        try {
          deobfuscator = deobfuscatorFactory.exports["createFromExternalFile"].value(externalData);
        } catch (e) {
          console.warn("Could not load create deobfuscator", e);
        }
      }
      if (deobfuscator == null && module !== null) {
        try {
          deobfuscator = deobfuscatorFactory.exports["createForModule"].value(module);
        } catch (e) {
          console.warn("Could not create deobfuscator from module data", e);
        }
      }
    }
  }
  __name(ensureDeobfuscator, "ensureDeobfuscator");
  return (addresses) => {
    ensureDeobfuscator();
    return deobfuscator !== null ? deobfuscator.deobfuscate(addresses) : [];
  };
}
__name(createDeobfuscator, "createDeobfuscator");
async function fetchExternalDebugInfo(path, debugInfoLocation, options, isNodeJs) {
  if (!options.enabled) {
    return null;
  }
  if (typeof path !== "string" && !options.externalInfoPath) {
    return null;
  }
  if (debugInfoLocation !== "auto" && debugInfoLocation !== "external") {
    return null;
  }
  if (typeof options.externalInfoPath === "object" && options.externalInfoPath instanceof Int8Array) {
    return options.externalInfoPath;
  }
  const location = options.externalInfoPath ?? path + ".teadbg";
  let buffer;
  if (!isNodeJs) {
    const response = await fetch(location);
    if (!response.ok) {
      return null;
    }
    buffer = await response.arrayBuffer();
  } else {
    const fs = await importNodeFs();
    buffer = (await fs.readFile(location)).buffer;
  }
  return new Int8Array(buffer);
}
__name(fetchExternalDebugInfo, "fetchExternalDebugInfo");
async function loadEmscriptenModules(emscriptenModulePaths, isNodeJs) {
  const keysValues = Object.entries(emscriptenModulePaths);
  return Promise.all(keysValues.map(async ([key, { pathToJs, pathToWasm }]) => {
    const [response, close] = await openPath(pathToWasm, isNodeJs);
    const [jsLoader, wasmModule] = await Promise.all([
      Promise.reject(new Error("[jmcp] no emscripten modules in a Worker")),
      WebAssembly.compileStreaming(response)
    ]);
    const result = {
      name: key,
      jsLoader: jsLoader.default,
      wasmModule
    };
    close();
    return result;
  }));
}
__name(loadEmscriptenModules, "loadEmscriptenModules");

// jsbodies.mjs
var jsbodies_default = {
  "__this__|return __this__;": /* @__PURE__ */ __name(function(wrapCallFromJavaToJs, __this__) {
    return __this__;
  }, "__this__|return __this__;"),
  "n|return crypto.getRandomValues(new Int8Array(n));": /* @__PURE__ */ __name(function(wrapCallFromJavaToJs, n) {
    return crypto.getRandomValues(new Int8Array(n));
  }, "n|return crypto.getRandomValues(new Int8Array(n));"),
  "number|return number;": /* @__PURE__ */ __name(function(wrapCallFromJavaToJs, number) {
    return number;
  }, "number|return number;"),
  "message|return console.error(message);": /* @__PURE__ */ __name(function(wrapCallFromJavaToJs, message) {
    return console.error(message);
  }, "message|return console.error(message);"),
  "str|return str;": /* @__PURE__ */ __name(function(wrapCallFromJavaToJs, str) {
    return str;
  }, "str|return str;"),
  "message|console.error(message);": /* @__PURE__ */ __name(function(wrapCallFromJavaToJs, message) {
    console.error(message);
  }, "message|console.error(message);")
};

// worker.mjs
registerJsBodies(jsbodies_default);
var KEEP_ALIVE_MS = 15e3;
var STREAM_IDLE_MS = 3e5;
var encoder = new TextEncoder();
var java = (await load(appModule)).exports;
var started = false;
var startFailure = "";
var generation = 0;
var streams = /* @__PURE__ */ new Map();
async function reinstantiate() {
  generation++;
  for (const s of streams.values()) closeStream(s, true);
  streams.clear();
  java = (await load(appModule)).exports;
  started = false;
}
__name(reinstantiate, "reinstantiate");
var unsafe = false;
function callJava(fn) {
  try {
    return fn();
  } catch (e) {
    unsafe = true;
    throw e;
  }
}
__name(callJava, "callJava");
function start(env) {
  const config = {};
  for (const [name, value] of Object.entries(env ?? {})) {
    if (typeof value === "string") config[name] = value;
  }
  startFailure = callJava(() => java.start(JSON.stringify(config), env ?? {}));
  if (startFailure) console.error(startFailure);
  started = true;
}
__name(start, "start");
function internalError(body, status) {
  let id = null;
  try {
    const message = JSON.parse(body);
    if (message && typeof message === "object" && !Array.isArray(message) && "id" in message) id = message.id;
  } catch {
  }
  return new Response(
    JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32603, message: "Internal error" } }),
    { status, headers: { "content-type": "application/json" } }
  );
}
__name(internalError, "internalError");
function responseHeaders(pairs) {
  const headers = new Headers();
  for (const [name, value] of pairs) headers.append(name, value);
  return headers;
}
__name(responseHeaders, "responseHeaders");
function closeStream(s, failed) {
  clearInterval(s.keepAlive);
  clearTimeout(s.idle);
  try {
    if (failed) s.controller.error(new Error("the Java instance was reset"));
    else s.controller.close();
  } catch {
  }
}
__name(closeStream, "closeStream");
function pump(id) {
  const s = streams.get(id);
  if (!s || s.generation !== generation) return;
  let out;
  try {
    out = callJava(() => java.pump(id));
  } catch (e) {
    console.error("jmcp: event stream failed:", e);
    streams.delete(id);
    closeStream(s, true);
    return;
  }
  if (out.length > 1) s.controller.enqueue(encoder.encode(out.substring(1)));
  if (out[0] === "1") {
    streams.delete(id);
    closeStream(s, false);
    return;
  }
  clearTimeout(s.idle);
  s.idle = setTimeout(() => cancel(id), STREAM_IDLE_MS);
  if (!s.keepAlive) {
    s.keepAlive = setInterval(() => {
      try {
        s.controller.enqueue(encoder.encode(": keepalive\n\n"));
      } catch {
        cancel(id);
      }
    }, KEEP_ALIVE_MS);
  }
}
__name(pump, "pump");
function cancel(id) {
  const s = streams.get(id);
  if (!s) return;
  streams.delete(id);
  clearInterval(s.keepAlive);
  clearTimeout(s.idle);
  if (s.generation === generation && !unsafe) {
    try {
      callJava(() => java.cancel(id));
    } catch (e) {
      console.error("jmcp: cancel failed:", e);
    }
  }
}
__name(cancel, "cancel");
function pumpWoken() {
  if (unsafe) return;
  let ids;
  try {
    ids = callJava(() => java.woken());
  } catch (e) {
    console.error("jmcp: woken failed:", e);
    return;
  }
  if (ids) for (const id of ids.split(",")) queueMicrotask(() => {
    pump(Number(id));
    pumpWoken();
  });
}
__name(pumpWoken, "pumpWoken");
async function serve(request, env) {
  if (unsafe) {
    unsafe = false;
    await reinstantiate();
  }
  if (!started) start(env);
  const url = new URL(request.url);
  let body = "";
  if (request.body) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    const limit = callJava(() => java.maxBodyBytes());
    body = new TextDecoder().decode(bytes.length > limit + 1 ? bytes.subarray(0, limit + 1) : bytes);
  }
  const headers = [];
  for (const [name, value] of request.headers) headers.push([name, value]);
  let head;
  try {
    head = JSON.parse(callJava(() => java.handle(request.method, url.pathname, JSON.stringify(headers), body)));
  } catch (e) {
    console.error("jmcp: request failed inside the Java instance; it will be replaced: " + e);
    return internalError(body, 500);
  } finally {
    pumpWoken();
  }
  const responseHeadersList = responseHeaders(head.headers);
  if (head.stream === void 0) {
    return new Response(
      head.body === "" && (head.status === 202 || head.status === 204) ? null : head.body,
      { status: head.status, headers: responseHeadersList }
    );
  }
  const id = head.stream;
  const stream = new ReadableStream({
    start(controller) {
      streams.set(id, { controller, keepAlive: null, idle: null, generation });
      pump(id);
      pumpWoken();
    },
    cancel() {
      cancel(id);
    }
  });
  return new Response(stream, { status: head.status, headers: responseHeadersList });
}
__name(serve, "serve");
var worker_default = {
  async fetch(request, env) {
    try {
      return await serve(request, env);
    } catch (e) {
      console.error("jmcp: request failed:", e);
      unsafe = true;
      return internalError("", 500);
    }
  }
};
export {
  worker_default as default
};
//# sourceMappingURL=worker.js.map
