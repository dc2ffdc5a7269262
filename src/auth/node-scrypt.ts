/** Node-only: node:crypto's scrypt gives the same bytes as @noble/hashes, several times faster. */
import { scrypt as nodeScrypt } from "node:crypto";
import { useScryptImplementation } from "./password";

export function useNodeScrypt(): void {
  useScryptImplementation(
    (password, salt, { N, r, p, dkLen }) =>
      new Promise((resolve, reject) =>
        nodeScrypt(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
          err ? reject(err) : resolve(new Uint8Array(key)),
        ),
      ),
  );
}
