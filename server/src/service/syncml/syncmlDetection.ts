/**
 * Whether a file's start shows SyncML: after an XML declaration and comments, the first element is
 * <SyncML>, <SyncBody> or a SyncML command (a profile for a server that writes the message around
 * it). Shared by the server and the client, which must agree on which `.xml` files are SyncML.
 */
export const SYNCML_START = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:SyncML|SyncBody|Add|Replace|Delete|Get|Exec|Atomic|Sequence|Alert|Status|Results)[\s>/]/;

/** How much of a file's start is looked at: comments before the first element rarely run longer. */
export const SYNCML_START_LENGTH = 4096;

export function looksLikeSyncml(text: string): boolean {
	return SYNCML_START.test(text.slice(0, SYNCML_START_LENGTH));
}
