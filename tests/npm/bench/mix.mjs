// Synthetic address generators for the benchmarks: random valid addresses of
// each family, in the proportions of addrcheck-core's realistic mix
// (crates/core/benches/mix.rs). Deterministic (seeded), so every run checks
// the same inputs. Works in Node and in browsers (no Node APIs): SHA-256 is
// a small implementation here, and EIP-55 forms come from the module itself
// (`normalized`), whose EIP-55 is tested against the OFAC list's own forms.

/** SplitMix64 as two 32-bit halves: deterministic and fast enough. */
export class Rng {
  constructor(seed) {
    this.state = BigInt.asUintN(64, BigInt(seed));
  }
  next() {
    this.state = BigInt.asUintN(64, this.state + 0x9e3779b97f4a7c15n);
    let z = this.state;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    return z ^ (z >> 31n);
  }
  bytes(n) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 8) {
      let v = this.next();
      for (let j = i; j < Math.min(n, i + 8); j++) {
        out[j] = Number(v & 0xffn);
        v >>= 8n;
      }
    }
    return out;
  }
  below(n) {
    return Number(this.next() % BigInt(n));
  }
}

const HEX = "0123456789abcdef";
export function hex(bytes) {
  let s = "";
  for (const b of bytes) s += HEX[b >> 4] + HEX[b & 15];
  return s;
}

// ---- SHA-256 (FIPS 180-4), for Base58Check checksums ------------------------
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256(data) {
  const len = data.length;
  const blocks = Math.ceil((len + 9) / 64);
  const m = new Uint8Array(blocks * 64);
  m.set(data);
  m[len] = 0x80;
  const bits = len * 8;
  const view = new DataView(m.buffer);
  view.setUint32(m.length - 4, bits >>> 0);
  view.setUint32(m.length - 8, Math.floor(bits / 2 ** 32));
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(b * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, bb, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c));
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i]);
  return out;
}

// ---- Base58 / Base58Check ----------------------------------------------------
const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58(bytes) {
  const digits = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i] << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let out = "";
  for (const byte of bytes) {
    if (byte !== 0) break;
    out += "1";
  }
  for (let i = digits.length - 1; i >= 0; i--) out += B58[digits[i]];
  return out;
}

export function base58check(payload) {
  const check = sha256(sha256(payload)).subarray(0, 4);
  const all = new Uint8Array(payload.length + 4);
  all.set(payload);
  all.set(check, payload.length);
  return base58(all);
}

// ---- Bech32 / bech32m (BIP-173, BIP-350) and CashAddr -------------------------
const B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

function convertBits(data, from, to) {
  let acc = 0;
  let bits = 0;
  const out = [];
  const max = (1 << to) - 1;
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & max);
    }
  }
  if (bits > 0) out.push((acc << (to - bits)) & max);
  return out;
}

function bech32Polymod(values) {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i];
  }
  return chk >>> 0;
}

export function segwit(hrp, version, program) {
  const data = [version, ...convertBits(program, 8, 5)];
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  const constant = version === 0 ? 1 : 0x2bc830a3;
  const mod = bech32Polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ constant;
  const checksum = [];
  for (let i = 0; i < 6; i++) checksum.push((mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((v) => B32[v]).join("")}`;
}

function cashPolymod(values) {
  const gen = [0x98f2bc8e61n, 0x79b76d99e2n, 0xf33e5fb3c4n, 0xae2eabe2a8n, 0x1e4f43e470n];
  let c = 1n;
  for (const d of values) {
    const c0 = c >> 35n;
    c = ((c & 0x07ffffffffn) << 5n) ^ BigInt(d);
    for (let i = 0; i < 5; i++) if ((c0 >> BigInt(i)) & 1n) c ^= gen[i];
  }
  return c ^ 1n;
}

/** A P2PKH CashAddr with its `bitcoincash:` prefix. */
export function cashaddr(hash160) {
  const payload = convertBits([0x00, ...hash160], 8, 5);
  const prefix = [..."bitcoincash"].map((c) => c.charCodeAt(0) & 31);
  const mod = cashPolymod([...prefix, 0, ...payload, 0, 0, 0, 0, 0, 0, 0, 0]);
  const checksum = [];
  for (let i = 0; i < 8; i++) checksum.push(Number((mod >> BigInt(5 * (7 - i))) & 31n));
  return `bitcoincash:${[...payload, ...checksum].map((v) => B32[v]).join("")}`;
}

// ---- The mix -------------------------------------------------------------------
export const evmLower = (rng) => `0x${hex(rng.bytes(20))}`;

/**
 * `count` inputs in the proportions of the core's realistic mix: 25% EVM
 * lower case, 20% EVM EIP-55, 20% Bitcoin P2PKH, 7% P2SH, 10% segwit v0, 3%
 * taproot, 10% Tron, 3% Litecoin, 3% CashAddr, 6% Solana (then `listed` spliced
 * in at every 100th position, as a screening batch would see).
 * `eip55(lower)` gives the EIP-55 form (the module's `normalized`).
 */
export function realisticMix(rng, count, eip55, listed = []) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = rng.below(100);
    if (r <= 24) out.push(evmLower(rng));
    else if (r <= 44) out.push(eip55(evmLower(rng)));
    else if (r <= 57) out.push(base58check(Uint8Array.of(0x00, ...rng.bytes(20))));
    else if (r <= 64) out.push(base58check(Uint8Array.of(0x05, ...rng.bytes(20))));
    else if (r <= 74) out.push(segwit("bc", 0, rng.bytes(20)));
    else if (r <= 77) out.push(segwit("bc", 1, rng.bytes(32)));
    else if (r <= 87) out.push(base58check(Uint8Array.of(0x41, ...rng.bytes(20))));
    else if (r <= 90) out.push(base58check(Uint8Array.of(0x30, ...rng.bytes(20))));
    else if (r <= 93) out.push(cashaddr(rng.bytes(20)));
    else out.push(base58(rng.bytes(32)));
  }
  for (let i = 0; listed.length > 0 && i < count; i += 100) out[i] = listed[(i / 100) % listed.length];
  // Flat strings, as JSON.parse, fetch or the DOM give them (strings built by
  // concatenation are ropes, which every consumer would first flatten).
  return JSON.parse(JSON.stringify(out));
}
