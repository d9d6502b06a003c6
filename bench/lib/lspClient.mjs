// A small LSP client over stdio for the benchmark: spawns a server, answers the requests a server
// sends an editor (workspace/configuration, client/registerCapability, ...), records every
// publishDiagnostics with the time it arrived, and reads the server's CPU time and memory from /proc.
// Adapted from test/lsp/lspClient.ts, in plain JS so the bench does not depend on the test build.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export const now = () => Number(process.hrtime.bigint()) / 1e6; // milliseconds, monotonic

function withTimeout(promise, ms, what) {
	let timer;
	return Promise.race([
		promise.finally(() => clearTimeout(timer)),
		new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
		}),
	]);
}

export class LspClient {
	/**
	 * @param {object} options
	 * @param {string} options.name label for messages
	 * @param {string[]} options.command [executable, ...args]
	 * @param {(section: string | undefined, scopeUri: string | undefined) => unknown} options.configuration
	 *   the answer to one workspace/configuration item
	 * @param {number} [options.timeoutMs] the longest any single wait may take
	 */
	constructor({ name, command, configuration, timeoutMs = 120_000 }) {
		this.name = name;
		this.configuration = configuration;
		this.timeoutMs = timeoutMs;
		this.published = new Map(); // uri -> [{ at, params }]
		this.waiters = [];
		this.logs = [];
		this.stderr = '';
		this.configurationRequests = 0;
		this.spawnedAt = now();
		this.process = spawn(command[0], command.slice(1), { stdio: 'pipe' });
		this.pid = this.process.pid;
		this.process.stderr.on('data', (chunk) => {
			this.stderr += chunk.toString();
		});
		this.exitPromise = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve({ code, signal })));
		this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
		this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
			const at = now();
			const list = this.published.get(params.uri) ?? [];
			list.push({ at, params });
			this.published.set(params.uri, list);
			for (const waiter of [...this.waiters]) {
				if (waiter.uri === params.uri && list.length > waiter.after) {
					this.waiters.splice(this.waiters.indexOf(waiter), 1);
					waiter.resolve({ at, params });
				}
			}
		});
		this.connection.onNotification('window/logMessage', (params) => this.logs.push(params.message));
		this.connection.onNotification((method, params) => {
			if (method !== '$/progress' && method !== 'telemetry/event') {
				this.logs.push(`${method} ${JSON.stringify(params).slice(0, 200)}`);
			}
		});
		this.connection.onRequest('workspace/configuration', (params) => {
			this.configurationRequests++;
			return params.items.map((item) => this.configuration(item.section, item.scopeUri) ?? null);
		});
		// Registrations, progress tokens, refreshes: accept them all, as an editor does.
		this.connection.onRequest(() => null);
		this.connection.listen();
	}

	get exited() {
		return this.process.exitCode !== null || this.process.signalCode !== null;
	}

	async initialize(rootUri) {
		const result = await withTimeout(
			this.connection.sendRequest('initialize', {
				processId: process.pid,
				rootUri,
				workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
				capabilities: {
					workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
					textDocument: {
						synchronization: { dynamicRegistration: false, didSave: true },
						publishDiagnostics: { versionSupport: true, relatedInformation: true },
						completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
						hover: { contentFormat: ['markdown', 'plaintext'] },
					},
				},
			}),
			this.timeoutMs,
			`${this.name} initialize`,
		);
		this.initializedAt = now();
		await this.connection.sendNotification('initialized', {});
		return result;
	}

	async didChangeConfiguration(settings) {
		await this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
	}

	publicationCount(uri) {
		return this.published.get(uri)?.length ?? 0;
	}

	/** The first publication for `uri` after the `after`-th one. */
	diagnosticsAfter(uri, after) {
		const list = this.published.get(uri) ?? [];
		if (list.length > after) {
			return Promise.resolve(list[after]);
		}
		return withTimeout(new Promise((resolve) => this.waiters.push({ uri, resolve, after })), this.timeoutMs, `${this.name} diagnostics for ${uri}`);
	}

	/** Opens a document; resolves with { sentAt, at, params } of its first diagnostics. */
	async open(uri, languageId, text, version = 1) {
		const after = this.publicationCount(uri);
		const sentAt = now();
		await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
		const published = await this.diagnosticsAfter(uri, after);
		return { sentAt, ...published };
	}

	/** Sends one incremental change; resolves with { sentAt, at, params } of the next diagnostics. */
	async change(uri, version, contentChanges) {
		const after = this.publicationCount(uri);
		const sentAt = now();
		await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
		const published = await this.diagnosticsAfter(uri, after);
		return { sentAt, ...published };
	}

	async close(uri) {
		const after = this.publicationCount(uri);
		await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		// Both servers clear a closed document's diagnostics; wait for that so it is not taken for the next one.
		await this.diagnosticsAfter(uri, after).catch(() => undefined);
	}

	/** A request and its round-trip time in milliseconds. */
	async timed(method, params) {
		const start = now();
		const result = await withTimeout(this.connection.sendRequest(method, params), this.timeoutMs, `${this.name} ${method}`);
		return { ms: now() - start, result };
	}

	/** User + system CPU time of the server process, all threads, in ms (10 ms resolution). */
	cpuMs() {
		const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// fields[0] is field 3 (state); utime is field 14, stime field 15.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
	}

	/** CPU time of all the server's live threads from /proc/<pid>/task/<tid>/schedstat, in ms (ns resolution). */
	schedCpuMs() {
		let ns = 0;
		for (const tid of readdirSync(`/proc/${this.pid}/task`)) {
			try {
				ns += Number(readFileSync(`/proc/${this.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
			} catch {
				// the thread ended in between
			}
		}
		return ns / 1e6;
	}

	/** { peakRssMiB, rssMiB } from /proc/<pid>/status (VmHWM, VmRSS). */
	memory() {
		const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
		const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
		return { peakRssMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
	}

	/** Shutdown and exit; a server that does not exit within 5 s is killed. */
	async stop() {
		if (!this.exited) {
			try {
				await withTimeout(this.connection.sendRequest('shutdown'), 5000, `${this.name} shutdown`);
				await this.connection.sendNotification('exit');
			} catch {
				// killed below
			}
		}
		const exited = await Promise.race([this.exitPromise, new Promise((resolve) => setTimeout(() => resolve(undefined), 5000))]);
		if (!exited && !this.exited) {
			this.process.kill('SIGKILL');
			await this.exitPromise;
		}
		this.connection.dispose();
	}
}
