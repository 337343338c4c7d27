// Address codecs for making test inputs: other textual forms of listed
// addresses (legacy Base58 of a CashAddr, hex of a Tron address) and broken
// ones. Written from the format specifications, independently of the module.
import { createHash } from "node:crypto";

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

export const hex = (bytes) => Buffer.from(bytes).toString("hex");
const sha256 = (b) => createHash("sha256").update(b).digest();

export function base58Encode(bytes) {
  let n = BigInt(`0x${hex(bytes) || "0"}`);
  let out = "";
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export function base58Decode(text) {
  let n = 0n;
  for (const c of text) {
    const v = B58.indexOf(c);
    if (v < 0) throw new Error(`not Base58: ${c}`);
    n = n * 58n + BigInt(v);
  }
  let h = n.toString(16);
  if (h.length % 2) h = `0${h}`;
  const body = n === 0n ? [] : [...Buffer.from(h, "hex")];
  const zeros = text.length - text.replace(/^1+/, "").length;
  return Uint8Array.from([...new Array(zeros).fill(0), ...body]);
}

export function base58checkEncode(payload) {
  const check = sha256(sha256(payload)).subarray(0, 4);
  return base58Encode(Uint8Array.from([...payload, ...check]));
}

/** The version byte + hash of a CashAddr (prefix optional), checksum not verified. */
export function cashaddrPayload(text) {
  const data = text.replace(/^bitcoincash:/i, "").toLowerCase();
  const values = [...data].map((c) => B32.indexOf(c)).slice(0, -8);
  let acc = 0;
  let bits = 0;
  const out = [];
  for (const v of values) {
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  // CashAddr version byte: type in bits 3-6; type 0 (P2PKH) is legacy 0x00,
  // type 1 (P2SH) legacy 0x05; a 20-byte hash follows.
  const type = (out[0] >> 3) & 0x0f;
  return Uint8Array.from([type === 1 ? 0x05 : 0x00, ...out.slice(1, 21)]);
}

/** The legacy Base58Check form of a Bitcoin Cash CashAddr. */
export const cashaddrToLegacy = (text) => base58checkEncode(cashaddrPayload(text));

/** The 21 bytes (0x41 + account) of a Base58 Tron address, as hex. */
export const tronToHex = (text) => hex(base58Decode(text).subarray(0, 21));
