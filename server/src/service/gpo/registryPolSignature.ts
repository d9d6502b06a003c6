/**
 * Whether bytes start as a Registry.pol does (`PReg`), whatever follows. Shared by the client (through common/),
 * which sends such a file's bytes rather than text, and the service, which reads it.
 */
export function startsWithPReg(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x52 && bytes[2] === 0x65 && bytes[3] === 0x67;
}
