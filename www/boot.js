// Starts the Wasm app. Trunk's default loader is an inline <script>, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script instead
// emits <meta name="addrcheck-app" data-js=… data-wasm=…> with the hashed file
// names, and this same-origin module loads them. If the app cannot start, the
// page says so (fail closed) instead of showing a spinner forever.
//
// Once the app runs, it registers the service worker (sw.js) that keeps the
// page and its list available offline. The worker only serves these static
// files; addresses never reach it.
const app = document.querySelector('meta[name="addrcheck-app"]');

function unavailable(reason) {
  const status = document.getElementById('boot-status');
  if (!status) return;
  const box = document.createElement('div');
  box.className = 'notice notice--unavailable';
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'unavailable';
  box.dataset.code = 'startup';
  const title = document.createElement('p');
  title.className = 'notice__title';
  title.textContent = 'Checking is unavailable: ' + reason;
  const body = document.createElement('p');
  body.className = 'notice__body';
  body.textContent = 'No address can be checked and no verdicts are shown. Reload the page to try again.';
  box.append(title, body);
  status.replaceWith(box);
}

function registerOfflineCopy() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // After the app has started, so the first check is never delayed by it.
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
    // No offline copy (e.g. storage disabled): the page works online as before.
  });
}

try {
  if (!app) throw new Error('the page is missing its app description');
  if (typeof WebAssembly !== 'object') throw new Error('this browser does not support WebAssembly');
  const bindings = await import(app.dataset.js);
  await bindings.default({ module_or_path: app.dataset.wasm });
  registerOfflineCopy();
} catch (e) {
  unavailable('the app could not start (' + (e && e.message ? e.message : String(e)) + ')');
}
