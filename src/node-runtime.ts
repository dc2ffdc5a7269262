/**
 * Node only: the native implementations a Node process swaps in for the portable ones that
 * Workers run — node:crypto's scrypt for passwords, node:zlib for the zip guard. Every Node
 * entry that hashes passwords or reads uploads (the server, the import worker thread, the CLI,
 * the tests) calls this one function, so none of them can miss one.
 */
import { useNodeInflate } from "../imports/read/node-inflate";
import { useNodeScrypt } from "./auth/node-scrypt";

export function useNodeRuntime(): void {
  useNodeScrypt();
  useNodeInflate();
}
