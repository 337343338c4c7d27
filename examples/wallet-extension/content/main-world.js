// Runs in the page's own JavaScript world (manifest: "world": "MAIN"), before
// the page's scripts. Wraps the `request` method of the page's EIP-1193
// wallet provider (window.ethereum, and providers announced with EIP-6963):
// a transaction request (eth_sendTransaction, eth_signTransaction,
// wallet_sendCalls) waits until the extension has checked its recipients and,
// when one is flagged, the user has chosen to send anyway. Other requests
// (eth_requestAccounts, eth_call, ...) pass through untouched.
//
// This world cannot use extension APIs: it talks to content/isolated.js with
// window messages; the check itself happens in the service worker.
(() => {
  const CHANNEL = "addrcheck-wallet-guard";
  const TRANSACTIONS = new Set(["eth_sendTransaction", "eth_signTransaction", "wallet_sendCalls"]);
  // Without an answer from the extension within this time, ask the user.
  const ACK_TIMEOUT_MS = 3000;
  const pending = new Map();
  let counter = 0;

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== window || data?.channel !== CHANNEL || data.from !== "isolated") return;
    const waiting = pending.get(data.id);
    if (!waiting) return;
    if (data.kind === "ack") {
      clearTimeout(waiting.timer);
    } else if (data.kind === "decision") {
      clearTimeout(waiting.timer);
      pending.delete(data.id);
      waiting.resolve(data.proceed === true);
    }
  });

  /** Resolves to whether the request may go to the wallet. */
  function screen(method, params) {
    return new Promise((resolve) => {
      const id = `${Date.now()}-${++counter}`;
      const cannotCheck = () => {
        pending.delete(id);
        resolve(window.confirm("addrcheck could not check the recipient of this transaction. Send it anyway?"));
      };
      let copy;
      try {
        copy = JSON.parse(JSON.stringify(params ?? []));
      } catch {
        cannotCheck();
        return;
      }
      pending.set(id, { resolve, timer: setTimeout(cannotCheck, ACK_TIMEOUT_MS) });
      window.postMessage({ channel: CHANNEL, from: "main", kind: "screen", id, method, params: copy }, "*");
    });
  }

  function rejected() {
    // EIP-1193: 4001 "User Rejected Request".
    const error = new Error("User rejected the request: addrcheck warned that a recipient is flagged.");
    error.code = 4001;
    return error;
  }

  const guarded = new WeakSet();
  function guard(provider) {
    if (provider === null || typeof provider !== "object" || guarded.has(provider)) return;
    const original = provider.request;
    if (typeof original !== "function") return;
    async function request(args) {
      if (args !== null && typeof args === "object" && TRANSACTIONS.has(args.method)) {
        if (!(await screen(args.method, args.params))) throw rejected();
      }
      return original.call(this, args);
    }
    try {
      Object.defineProperty(provider, "request", { value: request, configurable: true, writable: true });
      guarded.add(provider);
    } catch {
      // A frozen provider cannot be wrapped.
    }
  }

  // window.ethereum, whether it is already there or assigned later.
  let current = window.ethereum;
  guard(current);
  try {
    Object.defineProperty(window, "ethereum", {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value) => {
        current = value;
        guard(value);
      },
    });
  } catch {
    // Defined as non-configurable by a wallet before us: guarded above.
  }
  // EIP-6963: wallets announce their providers with events.
  window.addEventListener("eip6963:announceProvider", (event) => guard(event.detail?.provider));
})();
