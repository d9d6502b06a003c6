import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { AdmxFile, AdmxListItem, AdmxPolicy } from '../admx/admxModel';
import { ingestionKeyVerdict } from './ingestionKeys';
import { lineBreaksIn, lineOf } from '../text/lines';
import { append } from '../text/append';

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
export function keyFindings(policy: AdmxPolicy): KeyFinding[] {
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
export function keyProblem(finding: KeyFinding): Problem {
	const problem: Problem = { code: 'admx-ingestion', span: finding.span, message: keyMessage(finding) };
	return finding.verdict === 'refused' ? { ...problem, severity: 'error' } : problem;
}

/** Per verdict, the first key of a file that has it, with its line, and how many more keys have it. */
interface VerdictSummary {
	readonly first: KeyFinding;
	readonly line: number;
	readonly more: number;
}

/**
 * The verdicts on each file's keys, by file, with the text they were read from: a profile's
 * entries are checked again on each edit of the profile, and each check would otherwise go
 * through every key of every file it ingests.
 */
const summaries = new WeakMap<AdmxFile, { readonly text: string; readonly verdicts: readonly VerdictSummary[] }>();

function verdictsOf(text: string, admx: AdmxFile): readonly VerdictSummary[] {
	const known = summaries.get(admx);
	if (known?.text === text) {
		return known.verdicts;
	}
	const findings = admx.policies.flatMap(keyFindings);
	const starts = findings.length === 0 ? [] : [0, ...lineBreaksIn(text)];
	const verdicts = (['refused', 'updates'] as const).flatMap((verdict) => {
		const [first, ...more] = findings.filter((f) => f.verdict === verdict);
		return first ? [{ first, line: lineOf(starts, first.span.start) + 1, more: more.length }] : [];
	});
	summaries.set(admx, { text, verdicts });
	return verdicts;
}

/**
 * The keys of the ADMX file a profile's `admx:` entry names that ingestion refuses or may refuse,
 * reported at the entry (`entry`): the file is not open, so the message names it, the line and the
 * key. One problem per verdict, the first key in full and how many more there are.
 */
export function entryKeyProblems(entry: Span & { readonly value: string }, text: string, admx: AdmxFile): Problem[] {
	return verdictsOf(text, admx).map(({ first, line, more }) => {
		const others = more === 0 ? '' : ` ${more} more ${more === 1 ? 'key does' : 'keys do'} the same: open the file to see each.`;
		const groupPolicy = first.verdict === 'refused' ? ' To deliver this profile with Group Policy alone, put # rapolicy-disable-next-line admx-ingestion on the line above file:.' : '';
		return { ...keyProblem(first), span: { start: entry.start, end: entry.end }, message: `${entry.value}:${line}: ${keyMessage(first)}${others}${groupPolicy}` };
	});
}
