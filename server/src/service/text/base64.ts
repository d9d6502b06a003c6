const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648), written here so the service needs no runtime's encoder. */
export function base64(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i];
		const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
		const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
		text += ALPHABET[a >>> 2] + ALPHABET[((a & 3) << 4) | (b >>> 4)];
		text += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >>> 6)] : '=';
		text += i + 2 < bytes.length ? ALPHABET[c & 63] : '=';
	}
	return text;
}
