// Runs in the extension's isolated world on every http(s) page. Passes the
// page's transaction requests (from content/main-world.js) to the service
// worker, which checks the recipients, and shows a warning in the page when
// one is flagged, possibly flagged or not a valid address, or when the check
// could not be made. The answer (send or not) goes back to the main world.
(() => {
  const CHANNEL = "addrcheck-wallet-guard";

  function post(id, kind, extra = {}) {
    window.postMessage({ channel: CHANNEL, from: "isolated", kind, id, ...extra }, "*");
  }

  window.addEventListener("message", async (event) => {
    const data = event.data;
    if (event.source !== window || data?.channel !== CHANNEL || data.from !== "main" || data.kind !== "screen") return;
    post(data.id, "ack");
    let response;
    try {
      response = await chrome.runtime.sendMessage({ type: "screen", method: data.method, params: data.params });
    } catch (error) {
      response = { error: { code: "unavailable", message: String(error?.message ?? error) } };
    }
    post(data.id, "decision", { proceed: await decide(response) });
  });

  const DESCRIBE = {
    flagged: "is on a sanctions or scam list",
    possible: "may be on a list (the list cannot confirm it)",
    invalid: "is not a valid address",
    unrecognized: "is not a recognised address",
  };

  /** Whether to send: at once when every recipient is clear, else the user's choice. */
  function decide(response) {
    if (response?.error) {
      return ask("addrcheck could not check this transaction", [
        `The address list could not be used (${response.error.code}). The recipient was not checked.`,
      ]);
    }
    const concerns = (response?.verdicts ?? []).filter((v) => v.result.status !== "clear");
    if (concerns.length === 0) return Promise.resolve(true);
    const lines = [];
    for (const { role, result } of concerns) {
      lines.push(`The ${role} ${result.normalized ?? result.input} ${DESCRIBE[result.status] ?? result.status}.`);
      for (const m of result.matches) {
        lines.push(`${m.source} (as of ${m.asOf}): ${m.names.join("; ") || "no name given"}`);
      }
      for (const p of result.possibleMatches) lines.push(`${p.list}: unconfirmed match`);
      if (result.reason && result.status === "invalid") lines.push(result.reason);
    }
    const flagged = concerns.some((v) => v.result.status === "flagged");
    return ask(flagged ? "Warning: this transaction sends to a flagged address" : "Check this transaction", lines);
  }

  /** A modal warning in the page; resolves to true for "Send anyway". */
  function ask(title, lines) {
    return new Promise((resolve) => {
      const host = document.createElement("addrcheck-warning");
      const root = host.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = `
        .backdrop { position: fixed; inset: 0; z-index: 2147483647; display: grid; place-items: center;
          background: rgb(0 0 0 / 45%); font: 14px/1.4 system-ui, sans-serif; }
        .dialog { max-width: 480px; margin: 16px; padding: 16px 20px; border-radius: 8px; background: #fff;
          color: #1d232b; border-top: 6px solid #c62828; box-shadow: 0 8px 32px rgb(0 0 0 / 35%); }
        h2 { margin: 0 0 8px; font-size: 17px; }
        p { margin: 4px 0; overflow-wrap: anywhere; }
        .buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 14px; }
        button { font: inherit; padding: 6px 12px; }
        .cancel { font-weight: 600; }`;
      const backdrop = document.createElement("div");
      backdrop.className = "backdrop";
      const dialog = document.createElement("div");
      dialog.className = "dialog";
      dialog.setAttribute("role", "alertdialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-label", title);
      const heading = document.createElement("h2");
      heading.textContent = title;
      dialog.append(heading);
      for (const line of lines) {
        const p = document.createElement("p");
        p.textContent = line;
        dialog.append(p);
      }
      const buttons = document.createElement("div");
      buttons.className = "buttons";
      const send = document.createElement("button");
      send.textContent = "Send anyway";
      const cancel = document.createElement("button");
      cancel.className = "cancel";
      cancel.textContent = "Cancel transaction";
      buttons.append(send, cancel);
      dialog.append(buttons);
      backdrop.append(dialog);
      root.append(style, backdrop);
      const close = (proceed) => {
        host.remove();
        resolve(proceed);
      };
      send.addEventListener("click", () => close(true));
      cancel.addEventListener("click", () => close(false));
      (document.body ?? document.documentElement).append(host);
      cancel.focus();
    });
  }
})();
