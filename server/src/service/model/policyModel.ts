import type { PolicyDefinition } from '../catalog/types';
import type { Span } from '../text/span';

export interface Located<T> extends Span {
	readonly value: T;
}

/**
 * A value as the source wrote it, before any catalog knowledge is applied. YAML and SyncML both
 * lower into this shape, so the element rules are written once.
 */
export type OptionValue =
	| (Span & {
		readonly kind: 'scalar';
		readonly value: string | number | boolean | null;
		readonly quoted: boolean;
		/** Maps a range of the value's characters to the source, where escapes make them differ. */
		readonly locate?: (start: number, end: number) => Span;
	})
	| (Span & { readonly kind: 'list'; readonly items: readonly OptionValue[] })
	/** Anything else; a mapping keeps its entries, which an ingested policy's explicit-value list reads. */
	| (Span & { readonly kind: 'other'; readonly description: string; readonly entries?: readonly MappingEntry[] });

export interface MappingEntry {
	readonly key: Located<string>;
	readonly value: OptionValue;
}

export interface OptionSetting {
	readonly id: Located<string>;
	readonly value: OptionValue;
	/** The whole entry, key and value, for edits that remove it. */
	readonly span: Span;
}

export interface PolicySetting {
	readonly name: Located<string>;
	/** Undefined when the name is not a Remote Assistance policy (an ingested policy's `App/Policy` included). */
	readonly definition: PolicyDefinition | undefined;
	readonly state: OptionValue | undefined;
	readonly options: readonly OptionSetting[];
	/** Options written one level off (beside `options:`, say); reported as misplaced, yet they count as given. */
	readonly misplacedOptions?: readonly OptionSetting[];
	/** The `options` key, when present. */
	readonly optionsKey: Span | undefined;
	/** The whole entry, for edits and outlines. */
	readonly span: Span;
}

/** One `admx:` entry of a profile: an ADMX file the profile ingests under an AppName. */
export interface AdmxEntry {
	readonly app: Located<string> | undefined;
	/** As written: relative to the profile's folder. */
	readonly file: Located<string> | undefined;
	readonly span: Span;
}

export interface Profile {
	readonly name: Located<string> | undefined;
	readonly description: Located<string> | undefined;
	readonly scope: OptionValue | undefined;
	/** The ADMX files the profile ingests; empty when it has no `admx:` section. */
	readonly admx: readonly AdmxEntry[];
	readonly policies: readonly PolicySetting[];
	/** The whole document (between `---` markers). */
	readonly span: Span;
}
