// The page the context menu opens: shows the verdicts the service worker
// holds for this page's token (the URL carries the token, not the address).
import { renderLists, renderResponse } from "./verdict-view.js";

const token = location.hash.slice(1);
const response = await chrome.runtime.sendMessage({ type: "verdict", token });
renderResponse(document.getElementById("results"), response);
if (response.lists) renderLists(document.getElementById("lists"), response.lists);
document.body.dataset.ready = "true";
