import type { Span } from '../text/span';

/**
 * Where a record stands in its file: `where` names it for messages ("line 12", "record 3 at byte
 * 0x68"), `at` is its extent, in characters of a text form and in bytes of a Registry.pol, which
 * has no lines to count.
 */
export interface GpPlace {
	readonly where: string;
	readonly at: Span;
}

/**
 * A registry change as a Group Policy file records it, read from Registry.pol, LGPO text or a
 * GroupPolicy-module script. Keys are relative to HKLM (machine policy); data is text, numbers in
 * decimal and a multi-string's strings joined by NUL.
 */
export type GpRecord = GpPlace & (
	| { readonly kind: 'set'; readonly key: string; readonly name: string; readonly type: RegistryType; readonly data: string }
	/** Removes one value from the device (`**del.`, LGPO `DELETE`, `-Disable` with a value name). */
	| { readonly kind: 'delete'; readonly key: string; readonly name: string }
	/** Removes every value of the key (`**delvals.`, LGPO `DELETEALLVALUES`, `-Disable` on a key). */
	| { readonly kind: 'deleteAllValues'; readonly key: string }
	/** Takes earlier records of the value (or of the whole key) out of the GPO: `Remove-GPRegistryValue`. */
	| { readonly kind: 'forget'; readonly key: string; readonly name: string | undefined });

export type RegistryType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_BINARY' | 'REG_DWORD' | 'REG_DWORD_BIG_ENDIAN' | 'REG_MULTI_SZ' | 'REG_QWORD' | 'REG_NONE';

/** What a Group Policy file holds: its records in order, and what could not be read as one. */
export interface GpReadResult {
	readonly records: readonly GpRecord[];
	/** One line each, naming where and why. */
	readonly skipped: readonly string[];
}

/** Machine policy (Computer Configuration) or user policy (User Configuration). */
export type GpHive = 'HKLM' | 'HKCU';

/** A value Group Policy writes; DWORD and QWORD data are decimal digits (a QWORD may exceed a JavaScript number). */
export type GpSet =
	| { readonly kind: 'set'; readonly hive: GpHive; readonly key: string; readonly name: string; readonly type: 'REG_DWORD' | 'REG_QWORD' | 'REG_SZ' | 'REG_EXPAND_SZ'; readonly data: string }
	| { readonly kind: 'set'; readonly hive: GpHive; readonly key: string; readonly name: string; readonly type: 'REG_MULTI_SZ'; readonly data: readonly string[] };

/**
 * One registry operation as Group Policy records it in a GPO. Keys are relative to the hive: a
 * GPO keeps machine and user settings apart, and the file or section they go to names the hive.
 */
export type GpOperation =
	| GpSet
	/** Registry.pol `**del.<name>`: removes one value. */
	| { readonly kind: 'delete'; readonly hive: GpHive; readonly key: string; readonly name: string }
	/** Registry.pol `**delvals.`: removes every value of the key (not its subkeys). */
	| { readonly kind: 'deleteAllValues'; readonly hive: GpHive; readonly key: string };

/** Hybrid devices: the Policy CSP setting wins over the GPO when the device is told so (VERIFIED, ControlPolicyConflict CSP). */
export const MDM_WINS = 'Where ControlPolicyConflict/MDMWinsOverGP is 1, a value MDM sets for the same policy wins over this one.';

/** What a Group Policy file is written from: whose policies, and per policy what Group Policy records. */
export interface GpWrite {
	/** The profile's name, for the header. */
	readonly title: string;
	/** What the policies are, in words, for the header. */
	readonly holds: string;
	readonly policies: readonly {
		/** The policy as the profile names it. */
		readonly key: string;
		readonly state: 'enabled' | 'disabled' | 'not-configured';
		/** Empty when not configured. */
		readonly operations: readonly GpOperation[];
	}[];
}
