/**
 * The catalog follows the ADMX model: a policy has registry facts and a list of typed
 * presentation elements. Every feature (schema, validation, completion, hover, encoding)
 * is derived from these records, so adding a policy is a data change only.
 */

export type PolicyArea = 'RemoteAssistance' | 'ADMX_RemoteAssistance';

/** One build a policy applies to, as the Policy CSP reference lists it. */
export interface OsRequirement {
	readonly label: string;
	readonly build: string;
}

export interface EnumItem {
	/** The ADMX `<decimal value>`: what the payload carries. */
	readonly value: number;
	/** Readable YAML spelling of the value. */
	readonly alias: string;
	/** English display text from the ADML. */
	readonly label: string;
	/** ADML string id of the label. */
	readonly stringId: string;
	/** For a unit: how many of the smallest unit of its list it stands for. */
	readonly scale?: number;
}

interface ElementBase {
	readonly id: string;
	/** Registry key the element writes, relative to HKLM. */
	readonly registryKey: string;
	/** Label of the control in the Group Policy editor. */
	readonly label: string;
	/** What the element controls, in plain words. */
	readonly summary: string;
}

export interface EnumElement extends ElementBase {
	readonly type: 'enum';
	readonly valueName: string;
	readonly registryType: 'REG_DWORD';
	readonly items: readonly EnumItem[];
	/** Value preselected by the Group Policy editor, or null when it shows a blank choice. */
	readonly gpeditDefault: number | null;
}

export interface DecimalElement extends ElementBase {
	readonly type: 'decimal';
	readonly valueName: string;
	readonly registryType: 'REG_DWORD';
	readonly minValue: number;
	readonly maxValue: number;
	readonly gpeditDefault: number;
	/** Advice shown with an out-of-range value. */
	readonly rangeHint?: string;
	/** The enum element whose chosen item (with its `scale`) is the unit this number counts in. */
	readonly unitElement?: string;
}

export interface TextElement extends ElementBase {
	readonly type: 'text';
	readonly valueName: string;
	readonly registryType: 'REG_SZ';
	/** ADMX schema default when the element declares none. */
	readonly maxLength: number;
	readonly gpeditDefault: string;
}

export interface ListElement extends ElementBase {
	readonly type: 'list';
	readonly registryType: 'REG_SZ';
	/** With no prefix each entry is stored as a value whose name equals its data. */
	readonly valuePrefix: null;
	readonly explicitValue: false;
	readonly additive: false;
	/** How one entry must be written. */
	readonly entryFormat: string;
	/** Example entry used in skeletons. */
	readonly entryExample: string;
}

export type PolicyElement = EnumElement | DecimalElement | TextElement | ListElement;

export interface PolicyDefinition {
	readonly area: PolicyArea;
	/** Policy CSP node name: the key used in YAML and the last OMA-URI segment. */
	readonly name: string;
	readonly omaUri: string;
	readonly resultUri: string;
	readonly admxFile: string;
	readonly admxName: string;
	/** Name shown by the Group Policy editor. */
	readonly friendlyName: string;
	readonly gpPath: string;
	readonly location: string;
	readonly scope: 'Device';
	readonly editions: readonly string[];
	readonly editionsExcluded: readonly string[];
	readonly minOs: readonly OsRequirement[];
	readonly format: 'chr';
	readonly accessTypes: readonly string[];
	readonly supportedOn: string;
	readonly registryHive: 'HKLM';
	readonly registryKey: string;
	readonly registryValueName: string;
	readonly enabledValue: number;
	readonly disabledValue: number;
	/** What the policy does, in plain words. */
	readonly summary: string;
	readonly whenEnabled: string;
	readonly whenDisabled: string;
	readonly whenNotConfigured: string;
	/**
	 * What else the device needs for the policy to work, which the policy itself does not set
	 * (from Microsoft's help text and knowledge base).
	 */
	readonly prerequisites?: readonly string[];
	/** Behaviour seen in use but not stated in Microsoft's policy text, with its source. */
	readonly observedBehaviour?: string;
	readonly elements: readonly PolicyElement[];
}

export const POLICY_STATES = ['enabled', 'disabled', 'not-configured'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
