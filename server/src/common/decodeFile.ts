import { startsWithPReg } from './registryPolSignature';

/**
 * Files read as bytes (by the CLI, and by the editor for ADMX files it did not open) are decoded
 * the way an XML parser would: a byte order mark first (UTF-8, or UTF-16 as Windows PowerShell 5.1
 * writes by default), then the first bytes of `<?xml` in UTF-16 without one, else UTF-8. Documents
 * the editor opens are decoded by VS Code itself.
 */

/** Why a file's bytes could not be read as text, and where to show it (0-based, as LSP ranges). */
export interface EncodingProblem {
	readonly message: string;
	readonly range: { readonly start: Position; readonly end: Position };
}

interface Position {
	readonly line: number;
	readonly character: number;
}

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export type DecodedFile = { readonly text: string } | { readonly problem: EncodingProblem };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The encoding names an XML declaration may give for what this decoder reads, lower case. */
const READABLE = new Set(['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be', 'unicode']);

export function decodeFile(bytes: Uint8Array): DecodedFile {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return utf8(bytes.subarray(3));
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: UTF16LE.decode(bytes.subarray(2)) };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: UTF16LE.decode(swapPairs(bytes.subarray(2))) };
	}
	// `<?` in UTF-16 without a byte order mark (XML 1.0 appendix F).
	if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) {
		return { text: UTF16LE.decode(bytes) };
	}
	if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) {
		return { text: UTF16LE.decode(swapPairs(bytes)) };
	}
	return utf8(bytes);
}

/**
 * UTF-8, unless the bytes are not UTF-8: then the XML declaration, read as ASCII, says which
 * encoding the file claims, and the one problem names it rather than letting every later byte fail.
 */
function utf8(bytes: Uint8Array): DecodedFile {
	const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
	const declared = declaredEncoding(head);
	const unreadable = declared && !READABLE.has(declared.name.toLowerCase());
	const ascii = bytes.every((b) => b < 0x80);
	// Pure ASCII reads the same in every encoding whose declaration could be read as ASCII.
	if (unreadable && !ascii) {
		return { problem: { message: `The file declares encoding="${declared.name}", which rapolicy cannot read: save it as UTF-8 (or UTF-16 with a byte order mark) and change the declaration to match.`, range: { start: position(head, declared.start), end: position(head, declared.end) } } };
	}
	try {
		return { text: UTF8.decode(bytes) };
	} catch {
		const at = firstInvalidUtf8(bytes);
		const where = at === undefined ? '' : ` (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at byte offset ${at} is not valid UTF-8)`;
		return { problem: { message: `The file is not UTF-8${where}: save it as UTF-8, or UTF-16 with a byte order mark.`, range: FILE_START } };
	}
}

function position(text: string, offset: number): Position {
	const before = text.slice(0, offset);
	const line = before.split('\n').length - 1;
	return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The `encoding` of an XML declaration at the very start of `text`, with the span of its value. */
export function declaredEncoding(text: string): { name: string; start: number; end: number } | undefined {
	const match = /^<\?xml\s[^?>]*?\bencoding\s*=\s*(["'])([^"'?>]*)\1/.exec(text);
	if (!match) {
		return undefined;
	}
	const end = match.index + match[0].length - 1;
	return { name: match[2], start: end - match[2].length, end };
}

function swapPairs(bytes: Uint8Array): Uint8Array {
	const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
	for (let i = 0; i + 1 < bytes.length; i += 2) {
		swapped[i] = bytes[i + 1];
		swapped[i + 1] = bytes[i];
	}
	return swapped;
}

/** The offset of the first byte that does not start or continue a UTF-8 sequence, when one is plainly wrong. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (length === 0 || i + length > bytes.length) {
			return i;
		}
		for (let k = 1; k < length; k++) {
			if ((bytes[i + k] & 0xc0) !== 0x80) {
				return i;
			}
		}
		i += length;
	}
	return undefined;
}

/**
 * A file as the readers take it: a Registry.pol, told by its signature, as its bytes, which are
 * binary; any other file decoded as text.
 */
export function fileContent(bytes: Uint8Array): { readonly content: string | Uint8Array } | { readonly problem: EncodingProblem } {
	if (startsWithPReg(bytes)) {
		return { content: bytes };
	}
	const decoded = decodeFile(bytes);
	return 'problem' in decoded ? decoded : { content: decoded.text };
}
