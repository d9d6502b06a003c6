import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { AdmlFile, AdmxFile, AdmxListItem, AdmxPolicy, AdmxRef } from '../admx/admxModel';
import { categoryPathProblems } from './configUri';
import { ingestionKeyVerdict } from './ingestionKeys';
import { presentationOf } from '../admx/readAdml';
import { lineBreaksIn, lineOf } from '../text/lines';
import { append } from '../text/append';
import { oneLine } from '../text/oneLine';
import { RULES } from '../problems/rules';
import { guarded, runChecks, type Check, type CheckedPart } from '../problems/guard';

/** Intune's Import ADMX takes files up to 1 MB. */
const INTUNE_MAX_BYTES = 1024 * 1024;

/** Every key a policy can write (its own, its elements', those of its value lists), with the attribute it comes from. */
function keysOf(policy: AdmxPolicy): { key: string; span: Span }[] {
	const lists: AdmxListItem[] = [...policy.enabledList, ...policy.disabledList];
	const keys = [{ key: policy.key, span: policy.keySpan }];
	for (const element of policy.elements) {
		keys.push({ key: element.key, span: element.keySpan });
		if (element.type === 'boolean') {
			append(lists, element.trueList);
			append(lists, element.falseList);
		} else if (element.type === 'enum') {
			append(lists, element.items.flatMap((i) => i.valueList));
		}
	}
	return [...keys, ...lists.map((item) => ({ key: item.key, span: item.keySpan }))];
}

/** A key a policy writes that MDM ingestion refuses, or takes only on updated devices, at the attribute that gives it. */
interface KeyFinding {
	readonly policy: string;
	readonly key: string;
	readonly span: Span;
	readonly verdict: 'refused' | 'updates';
}

/** The keys of a policy ingestion refuses or may refuse, once per attribute: elements and items without a key of their own share their policy's. */
function keyFindings(policy: AdmxPolicy): KeyFinding[] {
	const found = new Map<string, KeyFinding>();
	for (const { key, span } of keysOf(policy)) {
		const verdict = ingestionKeyVerdict(key);
		const at = `${span.start}:${span.end}`;
		if (verdict !== 'allowed' && !found.has(at)) {
			found.set(at, { policy: policy.name || 'This policy', key, span, verdict });
		}
	}
	return [...found.values()];
}

function keyMessage(finding: KeyFinding): string {
	return finding.verdict === 'refused'
		? `${finding.policy} writes under ${finding.key}, which MDM ingestion refuses: ingested policies may not write under System, Software\\Microsoft or Software\\Policies\\Microsoft outside the prefixes Microsoft lists, so a device refuses to ingest the file. Write it under a key of the vendor's own (such as Software\\Policies\\<Vendor>), or deliver it with Group Policy (Registry.pol, LGPO text, PowerShell), which has no such limit.`
		: `${finding.policy} writes under ${finding.key}: Microsoft's ingestion page forbids System, yet its Known Issue Rollback article ingests ADMX files that write here, which devices refuse without the cumulative update of 26 July 2022 (KB5015878 on Windows 10) or a later one. Ingest it only on devices that have it.`;
}

/** A refused key is an error: the device refuses the whole file. One that depends on updates keeps the rule's warning. */
function keyProblem(finding: KeyFinding): Problem {
	const problem: Problem = { code: 'admx-ingestion', span: finding.span, message: keyMessage(finding) };
	return finding.verdict === 'refused' ? { ...problem, severity: 'error' } : problem;
}

/**
 * The keys of the ADMX file a profile's `admx:` entry names that ingestion refuses or may refuse,
 * reported at the entry (`entry`): the file is not open, so the message names it, the line and the
 * key. One problem per verdict, the first key in full and how many more there are.
 */
export function entryKeyProblems(entry: Span & { readonly value: string }, text: string, admx: AdmxFile): Problem[] {
	const findings = admx.policies.flatMap(keyFindings);
	if (findings.length === 0) {
		return [];
	}
	const starts = [0, ...lineBreaksIn(text)];
	return (['refused', 'updates'] as const).flatMap((verdict) => {
		const [first, ...more] = findings.filter((f) => f.verdict === verdict);
		if (!first) {
			return [];
		}
		const others = more.length === 0 ? '' : ` ${more.length} more ${more.length === 1 ? 'key does' : 'keys do'} the same: open the file to see each.`;
		const groupPolicy = verdict === 'refused' ? ' To deliver this profile with Group Policy alone, put # rapolicy-disable-next-line admx-ingestion on the line above file:.' : '';
		return [{ ...keyProblem(first), span: { start: entry.start, end: entry.end }, message: `${entry.value}:${lineOf(starts, first.span.start) + 1}: ${keyMessage(first)}${others}${groupPolicy}` }];
	});
}

/** The lint of each file a profile names, by its model, which is read once per text: a profile is checked again on every edit, the file is not. */
const entryLint = new WeakMap<AdmxFile, readonly Problem[]>();

/**
 * The errors of the ADMX file a profile's `admx:` entry names, besides its keys, reported at the
 * entry: the first with its line, and how many more. The profile carries the file into every MDM
 * export, where each of them is an error of the SyncML or Intune row that carries it.
 */
export function entryErrorProblems(entry: Span & { readonly value: string }, text: string, admx: AdmxFile): Problem[] {
	let lint = entryLint.get(admx);
	if (!lint) {
		const keys = new Set(admx.policies.flatMap(keyFindings).map((f) => `${f.span.start}:${f.span.end}`));
		lint = lintAdmx(admx, text).filter((p) => p.code !== 'admx-intune-import' && (p.severity ?? RULES[p.code].severity) === 'error' && !(p.code === 'admx-ingestion' && keys.has(`${p.span.start}:${p.span.end}`)));
		entryLint.set(admx, lint);
	}
	const [first, ...more] = lint;
	if (!first) {
		return [];
	}
	const line = lineOf([0, ...lineBreaksIn(text)], first.span.start) + 1;
	const others = more.length === 0 ? '' : ` ${more.length} more ${more.length === 1 ? 'problem of the file is an error' : 'problems of the file are errors'} too: open the file to see each.`;
	return [{ code: first.code, ...(first.severity && { severity: first.severity }), span: { start: entry.start, end: entry.end }, message: `${entry.value}:${line}: ${first.message}${others}` }];
}

/** Each prefix of a reference that the file neither targets nor declares with `<using>`, once, where it is first written. */
function undeclaredPrefixes(file: AdmxFile, refs: readonly (AdmxRef | undefined)[]): Problem[] {
	const uses = new Map<string, AdmxRef[]>();
	for (const ref of refs) {
		if (ref?.prefix && ref.prefix !== file.target?.prefix && !file.using.some((u) => u.prefix === ref.prefix)) {
			// Added to in place: a copy per reference would cost the square of a prefix's references.
			const list = uses.get(ref.prefix);
			if (list) {
				list.push(ref);
			} else {
				uses.set(ref.prefix, [ref]);
			}
		}
	}
	return [...uses].map(([prefix, [first, ...more]]) => ({
		code: 'admx-reference',
		severity: 'warning',
		span: first,
		message: `The prefix ${prefix} is not declared${more.length > 0 ? ` (here and in ${more.length} more ${more.length === 1 ? 'reference' : 'references'})` : ''}: add <using prefix="${prefix}" namespace="…"/> under <policyNamespaces>, or write the references without it.`,
	}));
}

/** Each `$(string.id)` the file refers to that the ADML does not hold. */
function missingStrings(file: AdmxFile, adml: AdmlFile): Problem[] {
	const problems: Problem[] = [];
	const check = (reference: string | undefined, span: Span) => {
		const match = reference === undefined ? null : /^\$\(string\.([^)]*)\)$/.exec(reference.trim());
		if (match && !adml.strings.has(match[1])) {
			problems.push({ code: 'admx-strings', span, message: `The ADML has no string ${match[1]}.` });
		}
	};
	for (const category of file.categories.values()) {
		check(category.displayName, category);
		check(category.explainText, category);
	}
	for (const policy of file.policies) {
		check(policy.displayName, policy.nameSpan);
		check(policy.explainText, policy.nameSpan);
		for (const element of policy.elements) {
			if (element.type === 'enum') {
				element.items.forEach((item) => check(item.displayName, item));
			}
		}
		const presentation = /^\$\(presentation\.([^)]*)\)$/.exec(policy.presentation?.trim() ?? '');
		if (presentation && !adml.presentations.has(presentation[1])) {
			problems.push({ code: 'admx-strings', span: policy.nameSpan, message: `The ADML has no presentation ${presentation[1]}.` });
		}
		for (const control of presentationOf(adml, policy.presentation)) {
			if (control.refId !== undefined && !policy.elements.some((e) => e.id === control.refId)) {
				problems.push({ code: 'admx-strings', span: policy.nameSpan, message: `The presentation's ${control.kind} names ${control.refId}, which is not an element of ${policy.name}.` });
			}
		}
	}
	return problems;
}

/** What the checks of one policy read. */
interface PolicyLint {
	readonly file: AdmxFile;
	readonly policy: AdmxPolicy;
	readonly adml: AdmlFile | undefined;
}

/** The checks of each policy, in the order they report, each guarded policy by policy. */
const POLICY_CHECKS: readonly Check<PolicyLint>[] = [
	{
		name: 'supportedOn',
		run: ({ file, policy }, problems) => {
			if (policy.supportedOn && policy.supportedOn.prefix === undefined && !file.supportedOn.has(policy.supportedOn.name)) {
				problems.push({ code: 'admx-reference', severity: 'warning', span: policy.supportedOn, message: `No supportedOn definition named ${policy.supportedOn.name} in this file.` });
			}
		},
	},
	{ name: 'registry key', run: ({ policy }, problems) => append(problems, keyFindings(policy).map(keyProblem)) },
	{
		name: 'registry value',
		run: ({ policy }, problems) => {
			const overlap = policy.valueName === undefined ? undefined : policy.elements.find((e) => e.type !== 'list' && e.key.toLowerCase() === policy.key.toLowerCase() && e.valueName.toLowerCase() === policy.valueName?.toLowerCase());
			if (overlap) {
				problems.push({ code: 'admx-schema', span: overlap, message: `The element ${overlap.id} writes the same registry value as the policy itself (${policy.valueName}), so one overwrites the other.` });
			}
		},
	},
	{
		name: 'Intune import',
		run: ({ policy, adml }, problems) => {
			if (policy.explainText === undefined) {
				problems.push({ code: 'admx-intune-import', span: policy.nameSpan, message: `${policy.name || 'This policy'} has no explainText; Intune's Import ADMX fails on such a policy. Add explainText="$(string.…)".` });
			}
			for (const control of presentationOf(adml, policy.presentation)) {
				if (control.kind === 'comboBox') {
					problems.push({ code: 'admx-intune-import', span: policy.nameSpan, message: `${policy.name} shows ${control.refId ?? 'an element'} in a comboBox, which Intune's Import ADMX does not take; MDM ingestion does.` });
				}
			}
		},
	},
];

/**
 * What stands between an ADMX file and its use: references that resolve to nothing, prefixes
 * devices have refused, schema conflicts, keys MDM ingestion refuses, and what Intune's Import
 * ADMX rejects. With the ADML, also the strings and presentations it lacks. The reader's own
 * problems come first. `start` and `end` bound the file inside a text that carries it.
 */
export function lintAdmx(file: AdmxFile, text: string, adml?: AdmlFile, start = 0, end = text.length): Problem[] {
	const problems: Problem[] = [...file.problems];
	const whole: CheckedPart = { span: { start, end: start }, name: 'this ADMX file' };
	const declaration = text.indexOf('<?xml', start);
	if (declaration > start && declaration < end && text.slice(start, declaration).replace(/^\uFEFF/, '') !== '') {
		problems.push({ code: 'admx-ingestion', severity: 'error', span: { start, end: declaration }, message: 'Nothing may come before <?xml: a device refuses the file (a line break here is the usual cause when the ADMX is pasted into CDATA). Remove it.' });
	}
	const refs = [...file.categories.values()].map((c) => c.parentCategory).concat(file.policies.flatMap((p) => [p.parentCategory, p.supportedOn]));
	guarded('namespace prefix', whole, problems, () => append(problems, undeclaredPrefixes(file, refs)), undefined);
	guarded('category', whole, problems, () => append(problems, categoryPathProblems(file)), undefined);
	for (const policy of file.policies) {
		runChecks(POLICY_CHECKS, [{ file, policy, adml }], () => ({ span: policy.nameSpan, name: `the policy ${oneLine(policy.name) || '(unnamed)'}` }), problems);
	}
	for (const using of file.using) {
		const used = refs.some((r) => r?.prefix === using.prefix);
		problems.push({
			code: 'admx-intune-import',
			span: using.span,
			message: `Intune's Import ADMX needs the ADMX of ${using.namespace} (prefix ${using.prefix}) uploaded first${used ? '.' : `, though nothing in this file refers to ${using.prefix}: removing this <using> spares that upload.`}`,
		});
	}
	if (end - start > INTUNE_MAX_BYTES) {
		problems.push({ code: 'admx-intune-import', span: { start: file.root.start, end: Math.min(file.root.end, file.root.start + 20) }, message: `The file is larger than the 1 MB Intune's Import ADMX takes.` });
	}
	if (adml) {
		guarded('ADML string', whole, problems, () => append(problems, missingStrings(file, adml)), undefined);
	}
	return problems;
}
