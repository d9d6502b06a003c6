/** How bad a problem is, as a user can set it per rule; `off` hides the rule. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

interface RuleInfo {
	readonly severity: Severity;
	readonly description: string;
}

/**
 * Every diagnostic carries one of these stable codes. Users silence them with
 * `# rapolicy-disable-next-line CODE` or change their severity with `rapolicy.validation.rules`.
 */
export const RULES = {
	'yaml-syntax': { severity: 'error', description: 'The text is not valid YAML.' },
	'invalid-structure': { severity: 'error', description: 'A document or entry has the wrong shape (for example a list where a mapping belongs).' },
	'duplicate-key': { severity: 'error', description: 'The same key appears twice in one mapping, or in one object of an Intune export or `rapolicy.json`, where the last one is what is read.' },
	'unknown-key': { severity: 'error', description: 'A key that the profile format or `rapolicy.json` does not define, such as a rule code that does not exist.' },
	'misplaced-key': { severity: 'error', description: 'A key indented one level too deep or too shallow, such as an option beside `options:` instead of under it, or a policy inside another policy.' },
	'missing-profile': { severity: 'error', description: 'A profile document has no `profile` name.' },
	'missing-policies': { severity: 'error', description: 'A profile document has no `policies`, or they are empty.' },
	'value-type': { severity: 'error', description: 'A value has the wrong type, for example text where a number belongs.' },
	'invalid-scope': { severity: 'error', description: '`scope` is something other than `device`; every Remote Assistance policy is device-only.' },
	'unknown-policy': { severity: 'error', description: 'A policy name that is not one of the six Remote Assistance policies (names are case sensitive).' },
	'missing-state': { severity: 'error', description: 'A policy has no `state`.' },
	'invalid-state': { severity: 'error', description: '`state` is not `enabled`, `disabled` or `not-configured`.' },
	'ignored-options': { severity: 'warning', description: '`options` on a policy that is not enabled; the device never receives them.' },
	'missing-option': { severity: 'error', description: 'An enabled policy leaves out one of its options; an ADMX-backed payload must carry every option.' },
	'unknown-option': { severity: 'error', description: 'An option id that the policy does not have (ids are case sensitive).' },
	'enum-value': { severity: 'error', description: 'A choice option has a value that is not one of its items.' },
	'decimal-range': { severity: 'error', description: 'A number option is not a whole number within its range.' },
	'text-too-long': { severity: 'error', description: 'A text is longer than its ADMX element allows (1023 characters for the Remote Assistance messages); Intune\'s template editor refuses such a value.' },
	'empty-helper-list': { severity: 'error', description: 'The helper list is empty, so nobody could offer help.' },
	'helper-format': { severity: 'warning', description: 'A helper is not written as DOMAIN\\name.' },
	'reserved-name': { severity: 'error', description: 'A list entry that becomes a registry value name a Group Policy format reads as something else: `**` starts a Registry.pol directive, `;` an LGPO text comment.' },
	'duplicate-helper': { severity: 'warning', description: 'The same helper is listed twice.' },
	'invalid-character': { severity: 'error', description: 'A value holds U+F000 (the list separator) or a character that XML 1.0 cannot carry.' },
	'schema': { severity: 'error', description: 'The profile does not match the JSON Schema (reported only where no more precise rule applies).' },
	'xml-syntax': { severity: 'error', description: 'The SyncML is not well-formed XML.' },
	'xml-doctype': { severity: 'error', description: 'A DOCTYPE or entity declaration; it is refused and never expanded.' },
	'too-large': { severity: 'error', description: 'The file is larger than the language service checks.' },
	'syncml-structure': { severity: 'error', description: 'The document does not follow the structure of its kind: root, SyncHdr, SyncBody, element order, Final; only commands at a profile\'s top level; what Status, Results and Alert need.' },
	'syncml-version': { severity: 'error', description: 'The SyncML namespace is not SYNCML:SYNCML1.2 or SYNCML:SYNCML1.1, or VerDTD and VerProto do not name the version it declares (1.2 and DM/1.2, or 1.1 and DM/1.1).' },
	'syncml-1.1': { severity: 'information', description: 'The message is SyncML 1.1 (OMA DM 1.1.2), which Windows supports and Microsoft\'s ADMX-ingestion samples use; rapolicy writes 1.2.' },
	'missing-cmdid': { severity: 'error', description: 'A command has no CmdID.' },
	'duplicate-cmdid': { severity: 'error', description: 'Two commands of one message share a CmdID.' },
	'invalid-cmdid': { severity: 'error', description: 'A CmdID is empty or 0.' },
	'conflicting-commands': { severity: 'warning', description: 'Two commands of one message set or delete the same policy differently; the device applies them in order, so the later one wins.' },
	'missing-locuri': { severity: 'error', description: 'An Item has no Target/LocURI.' },
	'nested-atomic': { severity: 'error', description: 'An Atomic inside an Atomic, which Windows refuses.' },
	'unsupported-command': { severity: 'warning', description: 'A command Windows treats specially inside SyncBody or Atomic (Sequence, Get inside Atomic).' },
	'uri-scope': { severity: 'error', description: 'A ./User/... URI for a Remote Assistance policy; all of them are device-only.' },
	'uri-case': { severity: 'error', description: 'A LocURI in the wrong letter case; OMA-URIs are case sensitive.' },
	'uri-root-case': { severity: 'warning', description: 'A ./Device root in another letter case, such as ./device, with the rest of the URI right. Microsoft writes both; whether a device minds is not documented.' },
	'command-data': { severity: 'error', description: 'Add and Replace need Data; Delete and Get carry none.' },
	'command-access': { severity: 'error', description: 'A command the node does not allow (Exec, or a write to a Result node).' },
	'missing-format': { severity: 'warning', description: 'A write to an ADMX-backed policy without Meta/Format chr.' },
	'invalid-format': { severity: 'error', description: 'Meta/Format is not chr (`string`, as in Microsoft\'s DeviceInstallation sample, is not an OMA DM format).' },
	'invalid-type': { severity: 'warning', description: 'Meta/Type is not text/plain.' },
	'raw-payload': { severity: 'error', description: 'Raw XML elements inside Data; the payload must be escaped or wrapped in CDATA.' },
	'payload-syntax': { severity: 'error', description: 'The decoded payload is not `<enabled/>` or `<disabled/>` followed by `<data id value/>` items.' },
	'payload-case': { severity: 'information', description: 'Payload tags such as `<Enabled/>`, `<Disabled/>` or `<Data>` not in lower case. Microsoft\'s docs write both cases and rapolicy reads them alike; raise it to `warning` to keep files in the documented lower case.' },
	'payload-whitespace': { severity: 'warning', description: 'A literal line break or tab inside a payload attribute value, which an XML parser turns into a space; write it as `&#xA;`, `&#xD;` or `&#x9;`.' },
	'locuri-whitespace': { severity: 'warning', description: 'Spaces or line breaks around the text of a LocURI, which are part of the URI as written.' },
	'data-after-disabled': { severity: 'warning', description: 'Data items after `<disabled/>`; the device ignores them.' },
	'list-encoding': { severity: 'error', description: 'A list value that is not name/value pairs separated by U+F000.' },
	'list-pair-mismatch': { severity: 'warning', description: 'A helper list pair whose name and value differ; for this list they must be the same.' },
	'json-syntax': { severity: 'error', description: 'An Intune export or `rapolicy.json` is not valid JSON.' },
	'config-value': { severity: 'error', description: 'A value `rapolicy.json` cannot use: a severity that is not `error`, `warning`, `information`, `hint` or `off`, an empty name or path, an estate without globs, or a glob that can match nothing because it is absolute or climbs out of the file\'s folder with `..`.' },
	'oma-data-type': { severity: 'error', description: 'A custom-profile OMA setting for a Remote Assistance policy whose data type is not String.' },
	'unknown-setting-id': { severity: 'error', description: 'A settings-catalog definition or option id that Remote Assistance does not have.' },
	'too-many-helpers': { severity: 'error', description: 'A settings-catalog helper list with more than the 1000 entries Intune takes.' },
	'ingested-uri': { severity: 'error', description: 'A LocURI of an ingested ADMX policy that is not the node the ADMX gives: separators, spaces, empty segments, a missing ./, the category path, the policy name, the scope its class allows, the AppName\'s case.' },
	'admx-entry': { severity: 'error', description: 'An `admx` entry of a profile whose file cannot be read or is not an ADMX, whose AppName cannot stand in a URI, or that repeats another entry; or a file `admx.ingested` in `rapolicy.json` names that cannot be read.' },
	'ingested-app': { severity: 'warning', description: 'A policy of an AppName that nothing in the document ingests, so it cannot be checked against its ADMX.' },
	'admx-syntax': { severity: 'error', description: 'An ADMX or ADML file that is not well-formed, not of its kind, or lacks an attribute or value the ADMX schema requires.' },
	'admx-reference': { severity: 'error', description: 'A category or supportedOn reference that names nothing in the file, or a prefix that devices have refused or that the file does not declare.' },
	'admx-schema': { severity: 'warning', description: 'An ADMX construct the schema forbids or that works against itself, such as explicitValue with valuePrefix, or an element writing over its policy\'s own value.' },
	'admx-ingestion': { severity: 'warning', description: 'What MDM ingestion refuses, as errors: a registry key under System, Software\\Microsoft or Software\\Policies\\Microsoft outside the documented allow-list, text before the XML declaration. What it may refuse, as warnings: a Known Issue Rollback key (taken since the July 2022 update), an ingestion node in another letter case or setting type.' },
	'admx-intune-import': { severity: 'information', description: 'Something Intune\'s Import ADMX refuses: comboBox controls, a policy without explainText, namespaces to upload first, files over 1 MB.' },
	'admx-strings': { severity: 'warning', description: 'A $(string.…) or $(presentation.…) reference the ADML does not hold, or a presentation control naming no element.' },
	'check-failed': { severity: 'error', description: 'A check of rapolicy failed on this part of the file, which is therefore not fully checked; the other checks still ran. This is a bug in rapolicy: report it with the text that causes it.' },
	'conflicting-sources': { severity: 'warning', description: 'Two sources of one channel set a policy differently: two MDM profiles (Intune reports a conflict, and which value stays is not the admin\'s choice) or two Group Policy files (the GPOs\' link order decides, which the files do not show).' },
	'gp-mdm-race': { severity: 'warning', description: 'Group Policy and MDM set a policy differently and nothing sets ControlPolicyConflict/MDMWinsOverGP to 1, so there is no guarantee which wins.' },
	'mdm-wins-over-gp': { severity: 'warning', description: 'Group Policy and MDM set a policy differently; an MDM source sets ControlPolicyConflict/MDMWinsOverGP to 1, so the MDM value wins and the Group Policy one is blocked.' },
	'also-set': { severity: 'information', description: 'Another source sets the policy the same way.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

/** What a rule can be set to, in the order settings and schemas list them. */
export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
	return Object.prototype.hasOwnProperty.call(RULES, code);
}
