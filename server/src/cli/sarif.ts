import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CODES, RULES, type Severity } from '../service';
import { VERSION } from '../version';
import { ENCODING_CODE } from './loadDocument';
import type { ReportLine, ReportPlace } from './report';

/**
 * SARIF 2.1.0, the subset GitHub code scanning takes: one run whose driver lists every rule with
 * its description as help, and per problem a result with its rule, level, message, the place in a
 * file relative to the checked folder (`%SRCROOT%`) and, for findings across files, the related
 * places. Regions are 1-based lines and columns of UTF-16 code units, as the editor counts; a
 * Registry.pol, which has no lines, gets its record's bytes instead.
 */

const SRCROOT = '%SRCROOT%';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path relative to the checked folder as a URI reference: `/` between folders, each name escaped. */
function artifactUri(file: string, cwd: string, root: string): string {
	return path.relative(root, path.resolve(cwd, file)).split(path.sep).map(encodeURIComponent).join('/');
}

function region(place: ReportPlace): object {
	if (place.bytes) {
		return { byteOffset: place.bytes.offset, byteLength: place.bytes.length };
	}
	const { start, end } = place.range;
	return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function physicalLocation(place: ReportPlace, cwd: string, root: string): object {
	return { artifactLocation: { uri: artifactUri(place.file, cwd, root), uriBaseId: SRCROOT }, region: region(place) };
}

function severityOf(name: string): Severity {
	return name === 'error' || name === 'warning' || name === 'hint' ? name : 'information';
}

/** Every rule a result may name: the registry's, and the command line's own for a file it cannot decode. */
const SARIF_RULES: readonly { readonly id: string; readonly description: string; readonly severity: Severity }[] = [
	...RULE_CODES.map((code) => ({ id: code, ...RULES[code] })),
	{ id: ENCODING_CODE, description: 'A file in an encoding rapolicy cannot read: not UTF-8, nor UTF-16 with a byte order mark or an XML declaration.', severity: 'error' },
];

/** The SARIF log of the problems; file names in `results` are relative to `cwd`, and the log's to `root`. */
export function sarifLog(results: readonly ReportLine[], cwd: string, root: string): object {
	const ruleIndex = new Map(SARIF_RULES.map((rule, i) => [rule.id, i]));
	return {
		$schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: {
				driver: {
					name: 'rapolicy',
					version: VERSION,
					rules: SARIF_RULES.map((rule) => ({
						id: rule.id,
						shortDescription: { text: rule.description },
						help: { text: rule.description },
						defaultConfiguration: { level: LEVELS[rule.severity] },
					})),
				},
			},
			originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
			columnKind: 'utf16CodeUnits',
			results: results.map((r) => ({
				ruleId: r.code,
				...(ruleIndex.has(r.code) ? { ruleIndex: ruleIndex.get(r.code) } : {}),
				level: LEVELS[severityOf(r.severity)],
				message: { text: r.message },
				locations: [{ physicalLocation: physicalLocation(r, cwd, root) }],
				...(r.related && r.related.length > 0
					? { relatedLocations: r.related.map((related, id) => ({ id, message: { text: related.message }, physicalLocation: physicalLocation(related, cwd, root) })) }
					: {}),
			})),
		}],
	};
}
