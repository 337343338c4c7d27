// Renders verdicts (addrcheck CheckResult objects) and list metadata into the
// popup and the verdict page. DOM only, no innerHTML: every text from a
// result or a list is set as text.

const TITLES = {
  flagged: "Flagged",
  possible: "Possible match",
  clear: "Not listed",
  invalid: "Invalid address",
  unrecognized: "Not an address",
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One verdict card. */
export function renderResult(result) {
  const card = el("section", `verdict verdict--${result.status}`);
  card.dataset.status = result.status;
  card.append(el("h2", "verdict__title", TITLES[result.status] ?? result.status));
  card.append(el("p", "verdict__input", result.normalized ?? result.input));
  if (result.chainName) card.append(el("p", "verdict__chain", result.chainName));
  if (result.reason && result.status !== "flagged") card.append(el("p", "verdict__reason", result.reason));
  for (const m of result.matches) {
    const match = el("div", "verdict__match");
    match.append(el("p", "verdict__source", `${m.source}, as of ${m.asOf}`));
    if (m.names.length > 0) match.append(el("p", "verdict__names", m.names.join("; ")));
    if (m.assets.length > 0) match.append(el("p", "verdict__assets", m.assets.join(", ")));
    card.append(match);
  }
  for (const p of result.possibleMatches) {
    const sources = p.sources.map((s) => `${s.name}, as of ${s.asOf}`).join("; ");
    card.append(
      el("p", "verdict__possible", `Matches ${p.list} (${sources}), which cannot confirm it: about 1 in ${Math.round(1 / p.fpRate).toLocaleString("en")} such matches is false.`),
    );
  }
  return card;
}

/** Every verdict of a check, or why there is none. */
export function renderResponse(container, response) {
  container.replaceChildren();
  if (response?.error) {
    const box = el("section", "verdict verdict--unavailable");
    box.dataset.status = "unavailable";
    box.dataset.code = response.error.code;
    box.append(el("h2", "verdict__title", "Cannot check"));
    box.append(el("p", "verdict__reason", `The address list could not be used (${response.error.code}): ${response.error.message}`));
    container.append(box);
    return;
  }
  if (response.results.length === 0) {
    container.append(el("p", "hint", "No address found in the text."));
  }
  for (const r of response.results) container.append(renderResult(r));
}

/** "OFAC SDN as of 2025-11-27 (743 addresses)" for each list. */
export function renderLists(container, lists) {
  container.replaceChildren();
  for (const list of lists ?? []) {
    for (const s of list.sources) {
      container.append(el("p", "list", `${s.name} as of ${s.asOf} (${s.entries.toLocaleString("en")} addresses)`));
    }
  }
}
