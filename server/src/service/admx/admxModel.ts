/**
 * The model of an ADMX file (and its ADML), as Microsoft's ADMX schema defines it, with each
 * attribute's schema default applied. Display texts stay as the `$(string.id)` references the ADMX
 * writes; the ADML resolves them. Spans point into the text the file was read from, which may be
 * a SyncML or JSON document that carries the ADMX. A `valueName` that is empty names the key's
 * default (unnamed) value wherever it is written: the Group Policy editor takes `valueName=""`.
 */
import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';

/** What a policy, an item or a boolean writes: a number, a string, or a deletion of the value. */
export type AdmxValue =
	| { readonly kind: 'decimal'; readonly value: number }
	/** A REG_QWORD; kept as text, since it may exceed what a JavaScript number holds exactly. */
	| { readonly kind: 'longDecimal'; readonly value: string }
	| { readonly kind: 'string'; readonly value: string }
	| { readonly kind: 'delete' };

/** One extra value an `enabledList`, `disabledList`, `valueList`, `trueList` or `falseList` writes. */
export interface AdmxListItem {
	/** The item's own key, or the list's `defaultKey`, or the key of its element or policy. */
	readonly key: string;
	/** The value of the attribute `key` comes from: the item's, the list's `defaultKey`, or the element's or policy's `key`. */
	readonly keySpan: Span;
	/** Empty for the key's default (unnamed) value, as Windows' Group Policy tools read `valueName=""`. */
	readonly valueName: string;
	readonly value: AdmxValue;
}

interface ElementBase extends Span {
	readonly id: string;
	/** The element's `key`, or the policy's when it gives none. */
	readonly key: string;
	/** The value of the `key` attribute the element writes under: its own, or its policy's when it has none. */
	readonly keySpan: Span;
	readonly soft: boolean;
}

export interface AdmxText extends ElementBase {
	readonly type: 'text';
	readonly valueName: string;
	readonly required: boolean;
	readonly maxLength: number;
	/** REG_EXPAND_SZ instead of REG_SZ. */
	readonly expandable: boolean;
	/** The built-in catalog's messages may hold line breaks; a vendor's text box is one line. */
	readonly multiLine?: boolean;
}

export interface AdmxMultiText extends ElementBase {
	readonly type: 'multiText';
	readonly valueName: string;
	readonly required: boolean;
	/** Per string. */
	readonly maxLength: number;
	/** 0: no limit. */
	readonly maxStrings: number;
}

export interface AdmxDecimal extends ElementBase {
	readonly type: 'decimal' | 'longDecimal';
	readonly valueName: string;
	readonly required: boolean;
	readonly minValue: number;
	readonly maxValue: number;
	/** REG_SZ instead of REG_DWORD (REG_QWORD for longDecimal). */
	readonly storeAsText: boolean;
	/** The built-in catalog's advice shown with an out-of-range value. */
	readonly rangeHint?: string;
	/** The enum element whose chosen item (with its `scale`) is the unit this number counts in. */
	readonly unitElement?: string;
}

export interface AdmxBoolean extends ElementBase {
	readonly type: 'boolean';
	readonly valueName: string;
	readonly trueValue: AdmxValue | undefined;
	readonly falseValue: AdmxValue | undefined;
	readonly trueList: readonly AdmxListItem[];
	readonly falseList: readonly AdmxListItem[];
}

export interface AdmxEnumItem extends Span {
	/** `$(string.id)` as written. */
	readonly displayName: string;
	readonly value: AdmxValue;
	readonly valueList: readonly AdmxListItem[];
	/** The built-in catalog's readable YAML spelling of the item. */
	readonly alias?: string;
	/** The built-in catalog's display text, which has no ADML to resolve it. */
	readonly label?: string;
	/** For a unit: how many of the smallest unit of its list it stands for. */
	readonly scale?: number;
}

export interface AdmxEnum extends ElementBase {
	readonly type: 'enum';
	readonly valueName: string;
	readonly required: boolean;
	readonly items: readonly AdmxEnumItem[];
}

export interface AdmxList extends ElementBase {
	readonly type: 'list';
	/** Undefined: each entry is named as itself; otherwise entries are named prefix1, prefix2, … */
	readonly valuePrefix: string | undefined;
	/** Entries are name/value pairs chosen by the admin. */
	readonly explicitValue: boolean;
	readonly additive: boolean;
	readonly expandable: boolean;
	/** The built-in catalog's helper lists: accounts written `DOMAIN\\name`, at least one, each once. */
	readonly accounts?: { readonly format: string; readonly example: string };
}

export type AdmxElement = AdmxText | AdmxMultiText | AdmxDecimal | AdmxBoolean | AdmxEnum | AdmxList;

/** A `prefix:name` reference as written, with its span. */
export interface AdmxRef extends Span {
	readonly prefix: string | undefined;
	readonly name: string;
}

export type PolicyClass = 'Machine' | 'User' | 'Both';

export interface AdmxPolicy extends Span {
	readonly name: string;
	readonly nameSpan: Span;
	readonly class: PolicyClass;
	readonly displayName: string;
	readonly explainText: string | undefined;
	/** `$(presentation.id)` as written. */
	readonly presentation: string | undefined;
	readonly key: string;
	readonly keySpan: Span;
	/** Undefined when the policy has no value of its own. */
	readonly valueName: string | undefined;
	readonly enabledValue: AdmxValue | undefined;
	readonly disabledValue: AdmxValue | undefined;
	readonly enabledList: readonly AdmxListItem[];
	readonly disabledList: readonly AdmxListItem[];
	readonly parentCategory: AdmxRef | undefined;
	readonly supportedOn: AdmxRef | undefined;
	/** In document order, which is the order of the payload's data items. */
	readonly elements: readonly AdmxElement[];
}

export interface AdmxCategory extends Span {
	readonly name: string;
	readonly displayName: string;
	readonly explainText: string | undefined;
	readonly parentCategory: AdmxRef | undefined;
}

export interface AdmxNamespace {
	readonly prefix: string;
	readonly namespace: string;
	/** The `<target>` or `<using>` element. */
	readonly span: Span;
}

/** The root element's namespace, of the three real files use; kept for display only. */
export type AdmxRootNamespace = 'schemas-2006' | 'microsoft' | 'none' | 'other';

export interface AdmxFile {
	readonly rootNamespace: AdmxRootNamespace;
	readonly revision: string | undefined;
	readonly target: AdmxNamespace | undefined;
	readonly using: readonly AdmxNamespace[];
	readonly minRequiredRevision: string | undefined;
	readonly fallbackCulture: string | undefined;
	/** supportedOn definitions: name → `$(string.id)` display name. */
	readonly supportedOn: ReadonlyMap<string, string>;
	readonly categories: ReadonlyMap<string, AdmxCategory>;
	readonly policies: readonly AdmxPolicy[];
	/** The span of the root element, for problems of the file as a whole. */
	readonly root: Span;
	readonly problems: readonly Problem[];
}

/** A control of an ADML presentation, which the Group Policy editor shows for an element. */
export interface AdmlControl {
	readonly kind: 'textBox' | 'multiTextBox' | 'decimalTextBox' | 'longDecimalTextBox' | 'checkBox' | 'comboBox' | 'dropdownList' | 'listBox' | 'text';
	/** The element it shows; undefined for a label (`text`). */
	readonly refId: string | undefined;
	readonly label: string | undefined;
	readonly defaultValue: string | undefined;
	/** `dropdownList`: the index of the item shown first. */
	readonly defaultItem: number | undefined;
	readonly defaultChecked: boolean | undefined;
	readonly suggestions: readonly string[];
}

export interface AdmlFile {
	readonly displayName: string | undefined;
	readonly strings: ReadonlyMap<string, string>;
	readonly presentations: ReadonlyMap<string, readonly AdmlControl[]>;
	readonly problems: readonly Problem[];
}
