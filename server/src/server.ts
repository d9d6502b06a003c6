import {
	DidChangeConfigurationNotification,
	TextDocuments,
	TextDocumentSyncKind,
	type Connection,
	type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
	DEFAULT_SETTINGS,
	getCodeActions,
	getCompletions,
	getDiagnostics,
	getDocumentSymbols,
	getHover,
	normalizeSettings,
	parsePolicyDocument,
	POLICY_LANGUAGE,
	type ParsedDocument,
	type Settings,
} from './service';
import { runSafe } from './runSafe';
import { SERVER_NAME, VERSION } from './version';


/** Whether the server serves this document: by language id, or by file name for editors that call it yaml. */
function isPolicyDocument(document: TextDocument): boolean {
	return document.languageId === POLICY_LANGUAGE || /\.rapolicy\.ya?ml$/i.test(document.uri);
}

/**
 * Wires the language service to an LSP connection. Holds only per-document caches and settings;
 * every answer comes from the service.
 */
export function startServer(connection: Connection): void {
	const documents = new TextDocuments(TextDocument);
	const parsed = new Map<string, ParsedDocument>();
	const settingsByUri = new Map<string, Promise<Settings>>();
	const pending = new Map<string, NodeJS.Immediate>();
	let pullSettings = false;
	let globalSettings: Settings = DEFAULT_SETTINGS;

	/** The parse of the document's current version; each version is parsed once. */
	function parse(document: TextDocument): ParsedDocument {
		const cached = parsed.get(document.uri);
		if (cached && cached.version === document.version) {
			return cached;
		}
		const fresh = parsePolicyDocument(document.uri, document.version, document.getText());
		parsed.set(document.uri, fresh);
		return fresh;
	}

	function settingsFor(uri: string): Promise<Settings> {
		if (!pullSettings) {
			return Promise.resolve(globalSettings);
		}
		let settings = settingsByUri.get(uri);
		if (!settings) {
			settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'rapolicy' }).then(normalizeSettings, () => DEFAULT_SETTINGS);
			settingsByUri.set(uri, settings);
		}
		return settings;
	}

	/** Validates on the next turn of the event loop, so a burst of changes is checked once. */
	function scheduleValidation(document: TextDocument): void {
		const uri = document.uri;
		const previous = pending.get(uri);
		if (previous) {
			clearImmediate(previous);
		}
		pending.set(uri, setImmediate(() => {
			pending.delete(uri);
			void validate(uri);
		}));
	}

	async function validate(uri: string): Promise<void> {
		const document = documents.get(uri);
		if (!document || !isPolicyDocument(document)) {
			return;
		}
		const settings = await settingsFor(uri);
		const current = documents.get(uri);
		if (current !== document || current.version !== document.version) {
			return;
		}
		try {
			const diagnostics = getDiagnostics(parse(document), settings);
			await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
		} catch (error) {
			connection.console.error(`Validation failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
	}

	function documentFor(uri: string): TextDocument | undefined {
		const document = documents.get(uri);
		return document && isPolicyDocument(document) ? document : undefined;
	}

	connection.onInitialize((params): InitializeResult => {
		pullSettings = params.capabilities.workspace?.configuration === true;
		globalSettings = normalizeSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				completionProvider: { triggerCharacters: [':', ' ', '-', '{', ','] },
				hoverProvider: true,
				documentSymbolProvider: { label: 'Remote Assistance policies' },
				codeActionProvider: { codeActionKinds: ['quickfix'] },
			},
			serverInfo: { name: SERVER_NAME, version: VERSION },
		};
	});

	connection.onInitialized(() => {
		if (pullSettings) {
			void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rapolicy' });
		}
	});

	connection.onDidChangeConfiguration((change) => {
		settingsByUri.clear();
		if (!pullSettings) {
			const raw = (change.settings as { rapolicy?: unknown } | undefined)?.rapolicy;
			globalSettings = normalizeSettings(raw);
		}
		for (const document of documents.all()) {
			scheduleValidation(document);
		}
	});

	documents.onDidChangeContent((event) => scheduleValidation(event.document));
	documents.onDidClose((event) => {
		const uri = event.document.uri;
		parsed.delete(uri);
		settingsByUri.delete(uri);
		const timer = pending.get(uri);
		if (timer) {
			clearImmediate(timer);
			pending.delete(uri);
		}
		void connection.sendDiagnostics({ uri, diagnostics: [] });
	});

	connection.onCompletion((params, token) => {
		const document = documentFor(params.textDocument.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection.console, 'Completion', document.uri, token, null, () => getCompletions(parse(document), document.offsetAt(params.position)));
	});

	connection.onHover((params, token) => {
		const document = documentFor(params.textDocument.uri);
		if (!document) {
			return null;
		}
		return runSafe(connection.console, 'Hover', document.uri, token, null, () => getHover(parse(document), document.offsetAt(params.position)));
	});

	connection.onDocumentSymbol((params, token) => {
		const document = documentFor(params.textDocument.uri);
		if (!document) {
			return [];
		}
		return runSafe(connection.console, 'Outline', document.uri, token, [], () => getDocumentSymbols(parse(document)));
	});

	connection.onCodeAction(async (params, token) => {
		const document = documentFor(params.textDocument.uri);
		if (!document) {
			return [];
		}
		const settings = await settingsFor(document.uri);
		return runSafe(connection.console, 'Code actions', document.uri, token, [], () => getCodeActions(parse(document), params.context.diagnostics, settings));
	});

	documents.listen(connection);
	connection.listen();
}
