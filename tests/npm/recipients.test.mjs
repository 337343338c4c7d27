// The example extension's request parsing (examples/wallet-extension/recipients.js).
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { EXTENSION } from "./lib/paths.mjs";

const { transactionRecipients } = await import(pathToFileURL(join(EXTENSION, "recipients.js")).href);

const A = "0x04dba1194ee10112fe6c3207c0687def0e78bacf";
const B = "0x52908400098527886e0f7030069857d2e4169ee7";
const word = (hex) => hex.replace(/^0x/, "").padStart(64, "0");

test("a plain transfer's recipient is its `to`", () => {
  assert.deepEqual(transactionRecipients("eth_sendTransaction", [{ from: B, to: A, value: "0x1" }]), [{ role: "to", address: A }]);
  assert.deepEqual(transactionRecipients("eth_signTransaction", [{ to: A }]), [{ role: "to", address: A }]);
});

test("ERC-20 transfer, transferFrom and approve name the token recipient or spender", () => {
  const token = "0xdac17f958d2ee523a2206206994597c13d831ec7";
  const transfer = `0xa9059cbb${word(A)}${word("0x10")}`;
  assert.deepEqual(transactionRecipients("eth_sendTransaction", [{ to: token, data: transfer }]), [
    { role: "to", address: token },
    { role: "token recipient", address: A },
  ]);
  const from = `0x23b872dd${word(B)}${word(A)}${word("0x10")}`;
  assert.deepEqual(transactionRecipients("eth_sendTransaction", [{ to: token, input: from }])[1], { role: "token recipient", address: A });
  const approve = `0x095EA7B3${word(A)}${word("0xff")}`;
  assert.deepEqual(transactionRecipients("eth_sendTransaction", [{ to: token, data: approve }])[1], { role: "approved spender", address: A });
  // Not an address word (upper bytes set), truncated data, another function: only `to`.
  for (const data of [`0xa9059cbb${"f".repeat(64)}`, "0xa9059cbb1234", `0x12345678${word(A)}`]) {
    assert.deepEqual(transactionRecipients("eth_sendTransaction", [{ to: token, data }]), [{ role: "to", address: token }]);
  }
});

test("wallet_sendCalls screens every call, without repeats", () => {
  const calls = [{ to: A }, { to: B }, { to: A.toUpperCase().replace("0X", "0x") }];
  assert.deepEqual(
    transactionRecipients("wallet_sendCalls", [{ version: "1.0", calls }]).map((r) => r.address),
    [A, B],
  );
});

test("requests that move nothing, and malformed ones, have no recipients", () => {
  for (const [method, params] of [
    ["eth_requestAccounts", []],
    ["eth_call", [{ to: A }]],
    ["personal_sign", ["0x00", A]],
    ["eth_sendTransaction", undefined],
    ["eth_sendTransaction", [null]],
    ["eth_sendTransaction", [{ value: "0x1" }]],
    ["wallet_sendCalls", [{ calls: "nope" }]],
  ]) {
    assert.deepEqual(transactionRecipients(method, params), [], method);
  }
});
