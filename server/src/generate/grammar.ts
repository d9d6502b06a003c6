import { POLICIES } from '../service/catalog/catalog';
import { POLICY_STATES } from '../service/catalog/types';
import { POLICY_KEYS, PROFILE_KEYS } from '../service/profile/profileFormat';

const words = (list: readonly string[]) => list.map((w) => w.replace(/[-]/g, '\\-')).join('|');

/**
 * The TextMate grammar of the profile language. It stands alone (no dependency on a host's YAML
 * grammar) and knows the catalog's names, so policy names, option ids and values get their own scopes.
 */
export function buildPolicyGrammar(): Record<string, unknown> {
	const policyNames = words(POLICIES.map((p) => p.name));
	const optionIds = words(POLICIES.flatMap((p) => p.elements.map((e) => e.id)));
	const aliases = words([...new Set(POLICIES.flatMap((p) => p.elements.flatMap((e) => (e.type === 'enum' ? e.items.map((i) => i.alias) : []))))]);
	const keyEnd = '\\s*(:)(?=\\s|$)';
	return {
		name: 'Remote Assistance Policy',
		scopeName: 'source.rapolicy',
		fileTypes: ['rapolicy.yaml', 'rapolicy.yml'],
		patterns: [{ include: '#comment' }, { include: '#document' }, { include: '#key' }, { include: '#value' }],
		repository: {
			comment: {
				patterns: [
					{
						match: '(?:^|(?<=\\s))(#)\\s*(rapolicy-disable-next-line)\\b(.*)$',
						captures: { 1: { name: 'punctuation.definition.comment.rapolicy' }, 2: { name: 'keyword.control.directive.rapolicy' }, 3: { name: 'constant.other.rule.rapolicy' } },
						name: 'comment.line.number-sign.rapolicy',
					},
					{ match: '(?:^|(?<=\\s))(#).*$', captures: { 1: { name: 'punctuation.definition.comment.rapolicy' } }, name: 'comment.line.number-sign.rapolicy' },
				],
			},
			document: { match: '^(?:---|\\.\\.\\.)(?=\\s|$)', name: 'entity.other.document.begin.rapolicy' },
			key: {
				patterns: [
					{ match: `(?<=^|[\\s{,])(${words([...PROFILE_KEYS, ...POLICY_KEYS])})${keyEnd}`, captures: { 1: { name: 'keyword.other.key.rapolicy' }, 2: { name: 'punctuation.separator.key-value.rapolicy' } } },
					{ match: `(?<=^|[\\s{,])(${policyNames})${keyEnd}`, captures: { 1: { name: 'entity.name.type.policy.rapolicy' }, 2: { name: 'punctuation.separator.key-value.rapolicy' } } },
					{ match: `(?<=^|[\\s{,])(${optionIds})${keyEnd}`, captures: { 1: { name: 'variable.other.property.option.rapolicy' }, 2: { name: 'punctuation.separator.key-value.rapolicy' } } },
					{ match: `(?<=^|[\\s{,])([^\\s#:,{}\\[\\]"'][^#:,{}\\[\\]]*?)${keyEnd}`, captures: { 1: { name: 'entity.name.tag.rapolicy' }, 2: { name: 'punctuation.separator.key-value.rapolicy' } } },
				],
			},
			value: {
				patterns: [
					{ match: '(?<=^|\\s)-(?=\\s|$)', name: 'punctuation.definition.list-item.rapolicy' },
					{ match: '[{}\\[\\],]', name: 'punctuation.separator.flow.rapolicy' },
					{ begin: '"', end: '"', name: 'string.quoted.double.rapolicy', patterns: [{ match: '\\\\(?:[0abtnvfre "/\\\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})', name: 'constant.character.escape.rapolicy' }] },
					{ begin: '\'', end: '\'', name: 'string.quoted.single.rapolicy', patterns: [{ match: '\'\'', name: 'constant.character.escape.rapolicy' }] },
					{ match: `(?<=[\\s:,\\[{-])(${words([...POLICY_STATES])})(?=\\s*(?:$|#|,|}))`, name: 'constant.language.state.rapolicy' },
					{ match: `(?<=[\\s:,\\[{-])(${aliases}|device)(?=\\s*(?:$|#|,|}|]))`, name: 'constant.other.enum.rapolicy' },
					{ match: '(?<=[\\s:,\\[{-])[-+]?\\d+(?:\\.\\d+)?(?=\\s*(?:$|#|,|}|]))', name: 'constant.numeric.rapolicy' },
					{ match: '(?<=[\\s:,\\[{-])[^\\s#\\\\,{}\\[\\]]+\\\\[^#,{}\\[\\]]*?(?=\\s*(?:$|#|,|}|]))', name: 'string.unquoted.account.rapolicy' },
					{ match: '[^\\s#,{}\\[\\]][^#,{}\\[\\]]*?(?=\\s*(?:$|\\s#|,|}|]))', name: 'string.unquoted.plain.rapolicy' },
				],
			},
		},
	};
}

/** SyncML is XML; the host's XML grammar does the work. */
export function buildSyncmlGrammar(): Record<string, unknown> {
	return {
		name: 'SyncML',
		scopeName: 'text.xml.syncml',
		fileTypes: ['syncml', 'syncml.xml'],
		patterns: [{ include: 'text.xml' }],
	};
}
