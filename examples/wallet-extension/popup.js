// The popup: paste an address, see the verdict (checked by the service worker).
import { renderLists, renderResponse } from "./verdict-view.js";

const form = document.getElementById("check-form");
const input = document.getElementById("address");
const results = document.getElementById("results");
const lists = document.getElementById("lists");

async function check() {
  if (input.value.trim() === "") {
    results.replaceChildren();
    return;
  }
  const response = await chrome.runtime.sendMessage({ type: "check", text: input.value });
  renderResponse(results, response);
  if (response.lists) renderLists(lists, response.lists);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  check();
});
// A paste is checked at once.
input.addEventListener("paste", () => setTimeout(check, 0));
input.focus();
