// Type-checked (never run) by types.test.mjs with `tsc --strict --noEmit`:
// the package's declarations must describe the API precisely, so correct use
// compiles and each misuse marked @ts-expect-error is rejected.
import init, { Checker, isAddrcheckError, memoryBytes } from "addrcheck/web";
import type { AddrcheckErrorCode, ChainId, CheckResult, ListInfo, Match, Status } from "addrcheck";
import { Checker as NodeChecker } from "addrcheck/node";

async function main(bytes: Uint8Array): Promise<void> {
  await init();
  const checker = Checker.fromBytes(bytes);
  const result: CheckResult = checker.check("0x…");
  const status: Status = result.status;
  const chain: ChainId | null = result.chain;
  const normalized: string | null = result.normalized;
  const reason: string | null = result.reason;
  const names: string[] = result.matches.flatMap((m: Match) => m.names);
  const asOf: string | undefined = result.matches[0]?.asOf;
  const rate: number | undefined = result.possibleMatches[0]?.fpRate;
  const many: CheckResult[] = checker.checkMany(["a", "b"], { normalized: true });
  const pasted: CheckResult[] = checker.checkMany("a\nb");
  const lists: ListInfo[] = checker.info();
  const sha: string = lists[0].sha256;
  const bytesInMemory: number = memoryBytes();
  checker.addList(bytes.buffer as ArrayBuffer);
  switch (status) {
    case "flagged":
    case "possible":
    case "clear":
    case "invalid":
    case "unrecognized":
      break;
    default: {
      const never: never = status;
      throw new Error(never);
    }
  }
  try {
    Checker.fromBytes(new Uint8Array(0));
  } catch (e) {
    if (isAddrcheckError(e)) {
      const code: AddrcheckErrorCode = e.code;
      const message: string = e.message;
      void code, message;
    }
  }
  {
    using scoped = NodeChecker.fromBytes(bytes);
    scoped.check("x");
  }
  checker.free();

  // @ts-expect-error: status is one of five words
  const wrong: Status = "safe";
  // @ts-expect-error: check takes a string
  checker.check(42);
  // @ts-expect-error: checkMany takes a string or strings
  checker.checkMany([1, 2]);
  // @ts-expect-error: options are typed
  checker.checkMany("a", { normalize: true });
  // @ts-expect-error: fromBytes takes bytes
  Checker.fromBytes("ofac.filter");
  // @ts-expect-error: no such chain id
  const chainWrong: ChainId = "ethereum";
  // @ts-expect-error: normalized may be null
  const mustBeString: string = result.normalized;
  void [chain, normalized, reason, names, asOf, rate, many, pasted, sha, bytesInMemory, wrong, chainWrong, mustBeString];
}
void main;
