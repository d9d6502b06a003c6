import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	CodeActionKind,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	ResponseError,
	TextDocuments,
	TextDocumentSyncKind,
	type Connection,
	type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AdmxFiles, type MayRead } from './admxFiles';
import { CachedDisk } from './disk/cachedDisk';
import { EditorDocument } from './editorDocument';
import { IngestedFiles } from './ingestedFiles';
import { ProjectConfigs, STILL_READING, type FolderConfig } from './projectConfigs';
import { CONFIG_FILE_NAMES } from './service/config/configNames';
import type { AdmlFile, EffectiveSetting, Language, ParsedDocument, Settings } from './service';
import {
	COMPARE_REQUEST,
	IMPORT_REQUEST,
	POLICY_LENSES,
	PREVIEW_REQUEST,
	SUMMARY_REQUEST,
	WORKSPACE_TRUSTED_NOTIFICATION,
	type CompareParams,
	type CompareResult,
	type CompareSide,
	type DocumentParams,
	type ImportParams,
	type ImportRequestResult,
	type InitializationOptions,
	type PreviewResult,
	type SummaryResult,
} from './common/protocol';
import { runSafe } from './runSafe';
import { fileContent } from './common/decodeFile';
import { SERVER_NAME, VERSION } from './version';

let loaded: typeof import('./service') | undefined;

/**
 * The language service, loaded when the first document needs it: answering `initialize` then
 * costs only the protocol library, and the service's code is compiled afterwards.
 */
function service(): typeof import('./service') {
	loaded ??= require('./service') as typeof import('./service');
	return loaded;
}

/** The language the server reads a document as: by language id, or by name for editors that call it yaml or xml. */
function languageFor(document: TextDocument): Language | undefined {
	// The service reads as much as it needs: the start of most files, all of an Intune export.
	return service().languageOf(document.uri, document.languageId, (chars) => (chars === undefined ? document.getText() : document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(chars) })));
}

/** Rounds of reading a request may wait for: the folder's rapolicy.json, an ADMX file it names and its folder, the language folder, then its ADML. */
const READ_ROUNDS = 5;

/** Whether `file` lies inside `folder` (both real paths). */
function inside(folder: string, file: string): boolean {
	const relative = path.relative(folder, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The folder with links resolved, so that a file reached through a link compares with it. */
function realFolder(folder: string): string {
	try {
		return fs.realpathSync(folder);
	} catch {
		return folder;
	}
}

/**
 * Wires the language service to an LSP connection. Holds only per-document caches and settings;
 * every answer comes from the service.
 */
export function startServer(connection: Connection): void {
	const documents = new TextDocuments<EditorDocument>({ create: EditorDocument.create, update: EditorDocument.update });
	const parsed = new Map<string, ParsedDocument>();
	const settingsByUri = new Map<string, Promise<Settings>>();
	const pending = new Map<string, NodeJS.Immediate>();
	/** JSON documents served as Intune exports, whose problems are cleared once they stop reading as one. */
	const servedJson = new Set<string>();
	let pullSettings = false;
	/** Settings for clients that do not answer `workspace/configuration`, read when first needed. */
	let rawGlobalSettings: unknown;
	let globalSettings: Settings | undefined;
	const global = () => (globalSettings ??= service().normalizeSettings(rawGlobalSettings));
	let workspaceFolders: string[] = [];
	/** The workspace folders with links resolved, which untrusted reads must stay in. */
	let realFolders: string[] = [];
	/** Whether the workspace is trusted: until it is, a document's files are read only inside its folders. */
	let trusted = true;
	/** Whether the client watches files for the server when asked to. */
	let watchFiles = false;
	// A file found changed in the background is checked again in every document, as a watched change is.
	const disk = new CachedDisk(() => validateAll());
	const admxFiles = new AdmxFiles(service, disk);
	const ingestedFiles = new IngestedFiles(() => workspaceFolders, admxFiles, (message) => connection.console.warn(message));
	const configs = new ProjectConfigs(disk, service, (message) => connection.console.warn(message));
	const insideFolders: MayRead = (file) => realFolders.some((folder) => inside(folder, file));
	/** Where a document's files may be read from: anywhere once the workspace is trusted. */
	const mayRead = () => (trusted ? undefined : insideFolders);
	/** A parse as checked with the ADMX files the settings name as ingested elsewhere, and its own read where it may. */
	const withIngested = (doc: ParsedDocument, settings: Settings) => service().withIngestedAdmx(doc, ingestedFiles.installsFor(doc.uri, settings), admxFiles.readAdmxFor(doc.uri, undefined, mayRead()));

	/** The workspace folder a document is in, the first that holds it as the ingested files are found; undefined outside them. */
	function folderOf(uri: string): string | undefined {
		if (!uri.startsWith('file:')) {
			return undefined;
		}
		const file = fileURLToPath(uri);
		return workspaceFolders.find((folder) => file.startsWith(folder + path.sep));
	}

	/**
	 * The project configuration that applies to a document: its workspace folder's, read from disk
	 * in the background (work that finds it unread runs again once it is read); undefined for a
	 * document outside the workspace folders.
	 */
	function configOf(uri: string): { folder: string; found: FolderConfig } | undefined {
		const folder = folderOf(uri);
		const found = folder === undefined ? undefined : configs.forFolder(folder, mayRead());
		return folder === undefined || found === undefined || found === STILL_READING ? undefined : { folder, found };
	}

	/**
	 * The settings a document is checked with: the editor's over its folder's configuration. In an
	 * untrusted workspace the configuration names no files to read, as the workspace's settings do not.
	 */
	function effectiveSettings(uri: string, editor: Settings): Settings {
		const config = configOf(uri)?.found.config;
		return config === undefined ? editor : service().mergeSettings(trusted ? config : service().withoutFileNames(config), editor);
	}

	/** Whether the document's configuration says not to check it. */
	function ignored(uri: string): boolean {
		const found = configOf(uri);
		return found !== undefined && service().isIgnored(found.found.config, path.relative(found.folder, fileURLToPath(uri)).split(path.sep).join('/'));
	}

	/**
	 * What `work` gives once the files it reads are there: files are read in the background, never
	 * while a request waits, and work that met one not read yet runs again when the reads end.
	 */
	async function afterReads<T>(work: () => T): Promise<T> {
		for (let round = 0; ; round++) {
			const missed = disk.misses;
			const result = work();
			if (disk.misses === missed || round === READ_ROUNDS) {
				return result;
			}
			await disk.settled();
		}
	}

	function validateAll(): void {
		for (const document of documents.all()) {
			scheduleValidation(document);
		}
	}

	/**
	 * The parse of the document closed last, until another document opens or a few minutes pass:
	 * editors close and reopen a document when its language changes or a tab is reopened, and what
	 * did not change is then not read again.
	 */
	let closed: { uri: string; parsed: ParsedDocument; timer: NodeJS.Timeout } | undefined;
	const CLOSED_KEPT_MS = 5 * 60 * 1000;

	function forgetClosed(): void {
		if (closed) {
			clearTimeout(closed.timer);
			closed = undefined;
		}
	}

	function reopened(uri: string): ParsedDocument | undefined {
		const found = closed?.uri === uri ? closed.parsed : undefined;
		if (found) {
			forgetClosed();
		}
		return found;
	}

	/**
	 * The ADML beside an open ADMX file on disk, whose strings and presentations its checks read as
	 * `rapolicy admx lint` does; undefined for an ADML, or when none can be read.
	 */
	function admlBeside(uri: string): { text: string; adml: AdmlFile } | undefined {
		if (!uri.startsWith('file:') || !uri.toLowerCase().endsWith('.admx')) {
			return undefined;
		}
		const found = admxFiles.admlText(fileURLToPath(uri), undefined, undefined, mayRead());
		return found && 'text' in found ? { text: found.text, adml: service().loadAdml(found.text) } : undefined;
	}

	/** The parse of the document's current version; each version is parsed once, and an ADMX file again when its ADML changes. */
	function parse(document: EditorDocument, language: Language): ParsedDocument {
		const cached = parsed.get(document.uri);
		const adml = language === 'admx' ? admlBeside(document.uri) : undefined;
		// An ADML's own parse has an `adml` and no `admx`.
		const sameAdml = cached?.language !== 'admx' || cached.admx === undefined || cached.adml === adml?.adml;
		if (cached && cached.version === document.version && cached.language === language && sameAdml) {
			return cached;
		}
		let fresh: ParsedDocument;
		if (adml) {
			fresh = service().parseAdmxDocument(document.uri, document.version, document.getText(), document, adml.text);
		} else {
			// The editor's own change spares comparing the two versions.
			const change = cached && document.changeSince(cached.version);
			fresh = service().parseDocument(document.uri, document.version, document.snapshot(), language, cached ?? reopened(document.uri), document, change);
		}
		parsed.set(document.uri, fresh);
		return fresh;
	}

	/**
	 * What the editor's settings say for a document. VS Code's defaults of the rules and the ingested
	 * files are empty, so every rule and AppName here was set by the user and overrides the
	 * configuration (see mergeSettings); no `inspect` is needed to tell set from default.
	 */
	function editorSettingsFor(uri: string): Promise<Settings> {
		if (!pullSettings) {
			return Promise.resolve(global());
		}
		let settings = settingsByUri.get(uri);
		if (!settings) {
			settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'rapolicy' }).then((raw) => service().normalizeSettings(raw), () => service().DEFAULT_SETTINGS);
			settingsByUri.set(uri, settings);
		}
		return settings;
	}

	/** Validates on the next turn of the event loop, so a burst of changes is checked once. */
	function scheduleValidation(document: EditorDocument): void {
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
		const language = document && languageFor(document);
		if (document && !language && servedJson.delete(uri)) {
			// JSON that no longer reads as an export keeps no problems from when it did.
			await connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
			return;
		}
		if (language === 'intune') {
			servedJson.add(uri);
		}
		if (!document || !language) {
			return;
		}
		const editor = await editorSettingsFor(uri);
		const current = documents.get(uri);
		if (current !== document || current.version !== document.version) {
			return;
		}
		try {
			const diagnostics = await afterReads(() => {
				if (ignored(uri)) {
					return [];
				}
				const settings = effectiveSettings(uri, editor);
				return service().getDiagnostics(withIngested(parse(document, language), settings), settings);
			});
			const latest = documents.get(uri);
			if (latest !== document || latest.version !== document.version) {
				return;
			}
			await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
		} catch (error) {
			connection.console.error(`Validation failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
	}

	/** The parse of a served document, or undefined for documents of other languages. */
	function parsedFor(uri: string): { document: EditorDocument; parsed: ParsedDocument } | undefined {
		const document = documents.get(uri);
		const language = document && languageFor(document);
		return document && language ? { document, parsed: parse(document, language) } : undefined;
	}

	connection.onInitialize((params): InitializeResult => {
		pullSettings = params.capabilities.workspace?.configuration === true;
		watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
		workspaceFolders = (params.workspaceFolders ?? []).flatMap((f) => (f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : []));
		const options = params.initializationOptions as InitializationOptions | undefined;
		rawGlobalSettings = options?.settings;
		trusted = options?.workspaceTrusted !== false;
		realFolders = workspaceFolders.map(realFolder);
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				completionProvider: { triggerCharacters: [':', ' ', '-', '{', ',', '<', '"', '/', ';'] },
				hoverProvider: true,
				documentSymbolProvider: { label: 'Remote Assistance policies' },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
				foldingRangeProvider: true,
				codeLensProvider: { resolveProvider: false },
			},
			serverInfo: { name: SERVER_NAME, version: VERSION },
		};
	});

	connection.onInitialized(() => {
		if (pullSettings) {
			void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rapolicy' });
		}
		if (watchFiles) {
			// ADMX and ADML files that documents read, and the configuration of each folder.
			void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{admx,adml}' }, { globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }] });
		}
	});

	// An ADMX or ADML file or a configuration on disk changed: the documents that read it are checked again.
	connection.onDidChangeWatchedFiles((params) => {
		for (const change of params.changes) {
			if (change.uri.startsWith('file:')) {
				disk.changed(fileURLToPath(change.uri));
			}
		}
		validateAll();
	});

	// Files outside the workspace folders that were refused are read now.
	connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
		trusted = true;
		validateAll();
	});

	connection.onDidChangeConfiguration((change) => {
		settingsByUri.clear();
		if (!pullSettings) {
			const raw = (change.settings as { rapolicy?: unknown } | undefined)?.rapolicy;
			rawGlobalSettings = raw;
			globalSettings = undefined;
		}
		validateAll();
	});

	documents.onDidOpen((event) => {
		// The kept parse serves a document closed and opened again; opening another lets it go.
		if (closed && closed.uri !== event.document.uri) {
			forgetClosed();
		}
	});
	documents.onDidChangeContent((event) => scheduleValidation(event.document));
	documents.onDidClose((event) => {
		const uri = event.document.uri;
		const last = parsed.get(uri);
		forgetClosed();
		if (last) {
			const timer = setTimeout(forgetClosed, CLOSED_KEPT_MS);
			timer.unref();
			closed = { uri, parsed: last, timer };
		}
		parsed.delete(uri);
		settingsByUri.delete(uri);
		servedJson.delete(uri);
		const timer = pending.get(uri);
		if (timer) {
			clearImmediate(timer);
			pending.delete(uri);
		}
		void connection.sendDiagnostics({ uri, diagnostics: [] });
	});

	// Completion and hover know the policies of the ADMX files a profile ingests, read as validation reads them.
	connection.onCompletion(async (params, token) => {
		const editor = await editorSettingsFor(params.textDocument.uri);
		return runSafe(connection.console, 'Completion', params.textDocument.uri, token, null, () => {
			const found = parsedFor(params.textDocument.uri);
			return found ? afterReads(() => service().getCompletions(withIngested(found.parsed, effectiveSettings(params.textDocument.uri, editor)), found.document.offsetAt(params.position))) : null;
		});
	});

	connection.onHover(async (params, token) => {
		const editor = await editorSettingsFor(params.textDocument.uri);
		return runSafe(connection.console, 'Hover', params.textDocument.uri, token, null, () => {
			const found = parsedFor(params.textDocument.uri);
			return found ? afterReads(() => service().getHover(withIngested(found.parsed, effectiveSettings(params.textDocument.uri, editor)), found.document.offsetAt(params.position))) : null;
		});
	});

	connection.onDocumentSymbol((params, token) => runSafe(connection.console, 'Outline', params.textDocument.uri, token, [], () => {
		const found = parsedFor(params.textDocument.uri);
		return found ? service().getDocumentSymbols(found.parsed) : [];
	}));

	connection.onFoldingRanges((params, token) => runSafe(connection.console, 'Folding', params.textDocument.uri, token, [], () => {
		const found = parsedFor(params.textDocument.uri);
		return found ? service().getFoldingRanges(found.parsed) : [];
	}));

	connection.onCodeLens((params, token) => runSafe(connection.console, 'CodeLens', params.textDocument.uri, token, [], () => {
		const found = parsedFor(params.textDocument.uri);
		return found ? service().getCodeLenses(found.parsed, POLICY_LENSES) : [];
	}));

	connection.onRequest(PREVIEW_REQUEST, async (params: DocumentParams, token): Promise<PreviewResult | ResponseError<void>> => {
		const editor = await editorSettingsFor(params.uri);
		return runSafe(connection.console, 'Preview', params.uri, token, null, () => {
			const found = parsedFor(params.uri);
			return found ? afterReads(() => {
				const settings = effectiveSettings(params.uri, editor);
				return service().buildPreview(withIngested(found.parsed, settings), settings, settings.payload);
			}) : null;
		});
	});

	connection.onRequest(SUMMARY_REQUEST, (params: DocumentParams, token): Promise<SummaryResult | ResponseError<void>> => runSafe(connection.console, 'Summary', params.uri, token, null, () => {
		const found = parsedFor(params.uri);
		if (!found) {
			return null;
		}
		const parsed = found.parsed;
		const counts = { profiles: parsed.profiles.length, policies: parsed.profiles.reduce((n, p) => n + p.policies.length, 0) };
		return parsed.language === 'syncml' && parsed.kind ? { ...counts, kind: parsed.kind } : counts;
	}));

	// Checked and read with the ADMX files the settings name as ingested elsewhere, as the editor shows them.
	connection.onRequest(IMPORT_REQUEST, async (params: ImportParams, token): Promise<ImportRequestResult | ResponseError<void>> => {
		const editor = await editorSettingsFor(params.uri);
		return runSafe(connection.console, 'Import', params.uri, token, null, async () => {
			const open = parsedFor(params.uri);
			const content = params.base64 !== undefined ? new Uint8Array(Buffer.from(params.base64, 'base64')) : (params.text ?? open?.document.getText());
			if (content === undefined) {
				return null;
			}
			const imported = await afterReads(() => {
				const settings = effectiveSettings(params.uri, editor);
				return service().importContent({ uri: params.uri, content, parsed: open?.parsed }, { settings, external: ingestedFiles.importedFor(params.uri, settings) });
			});
			switch (imported.kind) {
				case 'unread':
					return null;
				case 'refused':
					return { yaml: '', skipped: [], errors: imported.errors.map((e) => `line ${e.line + 1}: ${e.code} ${e.message}`) };
				case 'imported':
					return { ...imported.result, errors: [] };
			}
		});
	});

	/** One side of a comparison in the effective form, read by its content; a string says why not. */
	async function comparedSettings(side: CompareSide, settings: Settings): Promise<readonly EffectiveSetting[] | string> {
		let content: string | Uint8Array | undefined = side.text;
		if (content === undefined) {
			const decoded = fileContent(new Uint8Array(Buffer.from(side.base64 ?? '', 'base64')));
			if ('problem' in decoded) {
				return `${side.name}: ${decoded.problem.message}`;
			}
			content = decoded.content;
		}
		const text = typeof content === 'string' ? content : undefined;
		const bytes = content;
		const language = text === undefined ? undefined : service().fileLanguage(side.uri, text);
		const read = await afterReads(() => {
			// A profile's ingested policies resolve against the ADMX files it names, as the editor reads them.
			const parsed = text !== undefined && language === service().POLICY_LANGUAGE ? withIngested(service().parseDocument(side.uri, 0, text, language), settings) : undefined;
			return service().readSource({ uri: side.uri, content: bytes, parsed }, { external: ingestedFiles.importedFor(side.uri, settings) }, () => side.name);
		});
		return read ? read.settings : `${side.name} is of no form Remote Assistance Policy reads: a policy file, SyncML, an Intune export, a Registry.pol, LGPO text or a GroupPolicy script.`;
	}

	connection.onRequest(COMPARE_REQUEST, async (params: CompareParams, token): Promise<CompareResult | ResponseError<void>> => {
		const settings = effectiveSettings(params.after.uri, await editorSettingsFor(params.after.uri));
		return runSafe(connection.console, 'Compare', params.after.uri, token, { error: 'The comparison failed; the output channel says why.' }, async () => {
			const before = await comparedSettings(params.before, settings);
			const after = await comparedSettings(params.after, settings);
			if (typeof before === 'string' || typeof after === 'string') {
				return { error: typeof before === 'string' ? before : (after as string) };
			}
			return { before: params.before.name, after: params.after.name, policies: service().diffPolicies(before, after) };
		});
	});

	connection.onCodeAction(async (params, token) => {
		const editor = await editorSettingsFor(params.textDocument.uri);
		return runSafe(connection.console, 'Code actions', params.textDocument.uri, token, [], () => {
			const found = parsedFor(params.textDocument.uri);
			return found ? afterReads(() => {
				const settings = effectiveSettings(params.textDocument.uri, editor);
				return service().getCodeActions(withIngested(found.parsed, settings), params.context.diagnostics, settings, params.range);
			}) : [];
		});
	});

	documents.listen(connection);
	connection.listen();
}
