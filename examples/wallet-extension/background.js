// The extension's service worker: it holds the addrcheck Wasm module and the
// verified OFAC list, and answers the popup, the verdict page and the content
// script. Addresses arrive in messages, are checked here, and go nowhere else:
// no network request, no storage, no log.
import init, { Checker } from "./addrcheck/web/addrcheck.js";
import { transactionRecipients } from "./recipients.js";

const MENU_ID = "addrcheck-check";

/**
 * The checker, made once per service-worker start: instantiate the module,
 * then verify the bundled filter (Checker.fromBytes throws an AddrcheckError
 * when it does not verify, and then nothing is ever answered "clear").
 */
let ready = null;
function checker() {
  ready ??= (async () => {
    await init({ module_or_path: chrome.runtime.getURL("addrcheck/web/addrcheck_bg.wasm") });
    const response = await fetch(chrome.runtime.getURL("addrcheck/ofac.filter"));
    if (!response.ok) throw Object.assign(new Error("the bundled list is missing"), { code: "missing" });
    return Checker.fromBytes(new Uint8Array(await response.arrayBuffer()));
  })();
  return ready;
}

/** Why checking is impossible, for the UI (never the addresses). */
function unavailable(error) {
  return { error: { code: typeof error?.code === "string" ? error.code : "unavailable", message: String(error?.message ?? error) } };
}

/** A pasted or selected text: every address in it, with full details. */
async function checkText(text) {
  try {
    const c = await checker();
    return { results: c.checkMany(String(text), { normalized: true }), lists: c.info() };
  } catch (error) {
    return unavailable(error);
  }
}

/** The recipients of a dapp's wallet request, each with its verdict. */
async function screen(method, params) {
  const recipients = transactionRecipients(method, params);
  if (recipients.length === 0) return { verdicts: [] };
  try {
    const c = await checker();
    const results = c.checkMany(
      recipients.map((r) => r.address),
      { normalized: true },
    );
    return { verdicts: recipients.map((r, i) => ({ role: r.role, result: results[i] })) };
  } catch (error) {
    return unavailable(error);
  }
}

// Verdicts of context-menu checks, waiting for their page to ask (by a random
// token: the address itself never goes into a URL). Kept in memory only.
const pendingVerdicts = new Map();

/** The context-menu handler: check the selected text and show the verdict page. */
async function onContextMenuClick(info) {
  if (info.menuItemId !== MENU_ID) return;
  const token = crypto.randomUUID();
  pendingVerdicts.set(token, await checkText(info.selectionText ?? ""));
  setTimeout(() => pendingVerdicts.delete(token), 60_000);
  const url = chrome.runtime.getURL(`verdict.html#${token}`);
  try {
    await chrome.windows.create({ url, type: "popup", width: 460, height: 520 });
  } catch {
    await chrome.tabs.create({ url });
  }
}
// Also reachable by the tests (a headless browser has no context menu to click).
globalThis.onContextMenuClick = onContextMenuClick;

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ID, title: "Check address with addrcheck", contexts: ["selection"] });
});
chrome.contextMenus.onClicked.addListener((info) => {
  onContextMenuClick(info);
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's pages and content scripts can send here (no
  // externally_connectable); still, answer only the known requests.
  const reply = (promise) => {
    promise.then(sendResponse);
    return true; // the response is asynchronous
  };
  switch (message?.type) {
    case "check":
      return reply(checkText(message.text));
    case "screen":
      return reply(screen(message.method, message.params));
    case "verdict": {
      const verdict = pendingVerdicts.get(message.token) ?? { error: { code: "expired", message: "This verdict is no longer available." } };
      pendingVerdicts.delete(message.token);
      sendResponse(verdict);
      return false;
    }
    default:
      return false;
  }
});
