/**
 * A registry change as a Group Policy file records it, read from Registry.pol, LGPO text or a
 * GroupPolicy-module script. Keys are relative to HKLM (machine policy); `where` names the record
 * for messages ("line 12", "record 3 at byte 0x68").
 */
export type GpRecord =
	| { readonly kind: 'set'; readonly key: string; readonly name: string; readonly type: RegistryType; readonly data: string; readonly where: string }
	/** Removes one value from the device (`**del.`, LGPO `DELETE`, `-Disable` with a value name). */
	| { readonly kind: 'delete'; readonly key: string; readonly name: string; readonly where: string }
	/** Removes every value of the key (`**delvals.`, LGPO `DELETEALLVALUES`, `-Disable` on a key). */
	| { readonly kind: 'deleteAllValues'; readonly key: string; readonly where: string }
	/** Takes earlier records of the value (or of the whole key) out of the GPO: `Remove-GPRegistryValue`. */
	| { readonly kind: 'forget'; readonly key: string; readonly name: string | undefined; readonly where: string };

export type RegistryType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_BINARY' | 'REG_DWORD' | 'REG_DWORD_BIG_ENDIAN' | 'REG_MULTI_SZ' | 'REG_QWORD' | 'REG_NONE';

/** What a Group Policy file holds: its records in order, and what could not be read as one. */
export interface GpReadResult {
	readonly records: readonly GpRecord[];
	/** One line each, naming where and why. */
	readonly skipped: readonly string[];
}
