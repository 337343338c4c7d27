// Which addresses a wallet request sends value or rights to. Pure functions:
// no extension APIs, so they are tested directly in Node
// (tests/npm/recipients.test.mjs).

/** Requests that move value, and whose recipients are screened. */
export const TRANSACTION_METHODS = new Set(["eth_sendTransaction", "eth_signTransaction", "wallet_sendCalls"]);

// ERC-20 calls whose first or second argument is who receives tokens or the
// right to spend them (4-byte selectors of the function signatures).
const TOKEN_CALLS = {
  a9059cbb: { name: "transfer(address,uint256)", arg: 0, role: "token recipient" },
  "23b872dd": { name: "transferFrom(address,address,uint256)", arg: 1, role: "token recipient" },
  "095ea7b3": { name: "approve(address,uint256)", arg: 0, role: "approved spender" },
};

/** The address in ABI argument `i` of call data (32-byte words after the selector), or null. */
function addressArgument(data, i) {
  const start = 10 + 64 * i;
  const word = data.slice(start, start + 64);
  if (!/^[0-9a-fA-F]{64}$/.test(word) || !/^0{24}$/.test(word.slice(0, 24))) return null;
  return `0x${word.slice(24)}`;
}

/** The recipients of one call: its `to`, and a token recipient in its data. */
function callRecipients(call) {
  const out = [];
  if (call === null || typeof call !== "object") return out;
  if (typeof call.to === "string" && call.to !== "") out.push({ role: "to", address: call.to });
  const data = typeof call.data === "string" ? call.data : typeof call.input === "string" ? call.input : "";
  const token = TOKEN_CALLS[data.slice(2, 10).toLowerCase()];
  if (data.startsWith("0x") && token) {
    const address = addressArgument(data, token.arg);
    if (address) out.push({ role: token.role, address });
  }
  return out;
}

/**
 * The addresses an EIP-1193 request would send to, each with its role
 * ("to", "token recipient", "approved spender"), without repeats. Empty for
 * requests that move nothing (eth_requestAccounts, eth_call, ...).
 */
export function transactionRecipients(method, params) {
  if (!TRANSACTION_METHODS.has(method) || !Array.isArray(params)) return [];
  const calls = method === "wallet_sendCalls" ? (params[0]?.calls ?? []) : [params[0]];
  const seen = new Set();
  const out = [];
  for (const call of Array.isArray(calls) ? calls : []) {
    for (const r of callRecipients(call)) {
      const key = `${r.role}:${r.address.toLowerCase()}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(r);
      }
    }
  }
  return out;
}
