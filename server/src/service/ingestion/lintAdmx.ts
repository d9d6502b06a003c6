import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { AdmlControl, AdmlFile, AdmxFile, AdmxPolicy, AdmxRef } from '../admx/admxModel';
import { categoryProblems } from './categoryProblems';
import { keyFindings, keyProblem } from './keyFindings';
import { presentationOf } from '../admx/readAdml';
import { append } from '../text/append';
import { lineBreaksIn, lineOf } from '../text/lines';
import { oneLine } from '../text/oneLine';
import { RULES } from '../problems/rules';
import { guarded, runChecks, type Check, type CheckedPart } from '../problems/guard';

/** Intune's Import ADMX takes files up to 1 MB. */
const INTUNE_MAX_BYTES = 1024 * 1024;

/** Each prefix of a reference that the file neither targets nor declares with `<using>`, once, where it is first written. */
function undeclaredPrefixes(file: AdmxFile, refs: readonly (AdmxRef | undefined)[]): Problem[] {
	const declared = new Set(file.using.map((u) => u.prefix));
	const uses = new Map<string, { first: AdmxRef; more: number }>();
	for (const ref of refs) {
		if (ref?.prefix && ref.prefix !== file.target?.prefix && !declared.has(ref.prefix)) {
			const use = uses.get(ref.prefix);
			if (use) {
				use.more++;
			} else {
				uses.set(ref.prefix, { first: ref, more: 0 });
			}
		}
	}
	return [...uses].map(([prefix, { first, more }]) => ({
		code: 'admx-reference',
		severity: 'warning',
		span: first,
		message: `The prefix ${prefix} is not declared${more > 0 ? ` (here and in ${more} more ${more === 1 ? 'reference' : 'references'})` : ''}: add <using prefix="${prefix}" namespace="…"/> under <policyNamespaces>, or write the references without it.`,
	}));
}

/** What a policy's presentation shows that the checks report: its comboBoxes, and the controls naming no element of the policy. */
interface Shown {
	readonly comboBoxes: readonly AdmlControl[];
	readonly strays: readonly AdmlControl[];
}

const NOTHING_SHOWN: Shown = { comboBoxes: [], strays: [] };

/**
 * What each policy's presentation shows, worked out once per presentation and list of element
 * ids: many policies may share one presentation, whose controls would otherwise be read again
 * for each of them.
 */
function presentationsShown(adml: AdmlFile | undefined): (policy: AdmxPolicy) => Shown {
	const known = new Map<readonly AdmlControl[], Map<string, Shown>>();
	return (policy) => {
		const controls = presentationOf(adml, policy.presentation);
		if (controls.length === 0) {
			return NOTHING_SHOWN;
		}
		const ids = policy.elements.map((e) => e.id);
		const key = JSON.stringify(ids);
		const byIds = known.get(controls) ?? new Map<string, Shown>();
		known.set(controls, byIds);
		let shown = byIds.get(key);
		if (!shown) {
			const elements = new Set(ids);
			shown = { comboBoxes: controls.filter((c) => c.kind === 'comboBox'), strays: controls.filter((c) => c.refId !== undefined && !elements.has(c.refId)) };
			byIds.set(key, shown);
		}
		return shown;
	};
}

/** Each `$(string.id)` the file refers to that the ADML does not hold. */
function missingStrings(file: AdmxFile, adml: AdmlFile, shown: (policy: AdmxPolicy) => Shown): Problem[] {
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
		for (const control of shown(policy).strays) {
			problems.push({ code: 'admx-strings', span: policy.nameSpan, message: `The presentation's ${control.kind} names ${control.refId}, which is not an element of ${policy.name}.` });
		}
	}
	return problems;
}

/** What the checks of one policy read. */
interface PolicyLint {
	readonly file: AdmxFile;
	readonly policy: AdmxPolicy;
	readonly shown: Shown;
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
		run: ({ policy, shown }, problems) => {
			if (policy.explainText === undefined) {
				problems.push({ code: 'admx-intune-import', span: policy.nameSpan, message: `${policy.name || 'This policy'} has no explainText; Intune's Import ADMX fails on such a policy. Add explainText="$(string.…)".` });
			}
			for (const control of shown.comboBoxes) {
				problems.push({ code: 'admx-intune-import', span: policy.nameSpan, message: `${policy.name} shows ${control.refId ?? 'an element'} in a comboBox, which Intune's Import ADMX does not take; MDM ingestion does.` });
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
	const pathProblems = categoryProblems(file);
	const shown = presentationsShown(adml);
	for (const policy of file.policies) {
		const part = () => ({ span: policy.nameSpan, name: `the policy ${oneLine(policy.name) || '(unnamed)'}` });
		guarded('category', part(), problems, () => append(problems, pathProblems(policy)), undefined);
		runChecks(POLICY_CHECKS, [{ file, policy, shown: shown(policy) }], part, problems);
	}
	const referenced = new Set(refs.map((r) => r?.prefix));
	for (const using of file.using) {
		const used = referenced.has(using.prefix);
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
		guarded('ADML string', whole, problems, () => append(problems, missingStrings(file, adml, shown)), undefined);
	}
	return problems;
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
