// Like the Node entries: node:crypto's scrypt (identical bytes, several times faster) and
// node:zlib for unpacking workbooks (test/imports/read/inflate.test.ts checks it against
// fflate, which Workers use), and a cheaper target cost so suites that sign in often stay
// fast. test/auth/password.test.ts checks today's production parameters (CURRENT_PARAMS)
// themselves.

import { useTargetParamsForTests } from "../src/auth/password";
import { useNodeRuntime } from "../src/node-runtime";

useNodeRuntime();
useTargetParamsForTests({ N: 2 ** 12, r: 8, p: 1 });
