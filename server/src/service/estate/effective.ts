import type { Range } from 'vscode-languageserver-types';
import type { PolicyState } from '../catalog/types';
import type { ResolvedPolicy } from '../export/resolve';
import type { Delivery } from '../import/importers';
import type { Span } from '../text/span';

/** A policy is set for the device or for each user; the same policy under both is two settings. */
export type PolicyScope = 'device' | 'user';

/**
 * Where a source sets something. A text file's place is its LSP range (0-based lines, UTF-16
 * characters); a Registry.pol has no lines, so its places sit at line 0, character 0, and the
 * span, in bytes, says which record.
 */
export interface SourcePlace {
	readonly uri: string;
	readonly range: Range;
	/** Characters of a text file; bytes of a Registry.pol. */
	readonly span: Span;
	readonly binary: boolean;
}

/** One file, or one profile of a policy file that holds several: what a setting is set by. */
export interface SettingSource {
	readonly uri: string;
	/** The form in words: `SyncML`, `Registry.pol`. */
	readonly form: string;
	readonly delivery: Delivery;
	/** How a message names it: the file as the caller labels it, with the profile where the file holds several. */
	readonly label: string;
}

/**
 * What one source sets of one policy, in the form every kind of file reads into: the policy's
 * key and scope, its state and option values as an export sends them, and where it is set.
 */
export interface EffectiveSetting {
	/** A Remote Assistance policy's CSP name, or `App/PolicyName` of an ingested ADMX. */
	readonly key: string;
	readonly scope: PolicyScope;
	/** `not-configured` is a deletion: a Delete command, or `state: not-configured` in a profile. */
	readonly state: PolicyState;
	/** By element id; empty unless enabled. Lists are lists, enum choices their item values. */
	readonly values: ReadonlyMap<string, string | readonly string[]>;
	/** The same text for the same setting, whichever form wrote it: lists whose order a device ignores are sorted. */
	readonly sameness: string;
	readonly source: SettingSource;
	/** Where the source names the policy. */
	readonly place: SourcePlace;
	/** The resolved policy it was read from, for what needs its definition. */
	readonly policy: ResolvedPolicy;
}

/** A place with the label of the source it is in, for a message to name. */
export interface LabelledPlace {
	readonly place: SourcePlace;
	readonly label: string;
}

/** What one file contributes to an estate. */
export interface EstateSource {
	readonly uri: string;
	readonly form: string;
	readonly delivery: Delivery;
	/** The last setting of each policy per profile: a device is left with the last of a file's writes. */
	readonly settings: readonly EffectiveSetting[];
	/** The places that leave ControlPolicyConflict/MDMWinsOverGP at 1: at most one, the file's last write of it. */
	readonly mdmWinsOverGp: readonly LabelledPlace[];
}
