/**
 * `zhengce lsp`: the language services of language/ over the Language Server Protocol (stdio),
 * for VS Code, Neovim and any other editor. Documents sync incrementally; each change is analysed
 * once and answered with diagnostics; a guideline follows the policy it builds on and is checked
 * again when that policy changes (open or on disk).
 *
 * What a change costs: one compile of the changed text, without code generation (the code is
 * generated when a case is run, for code lenses and inlay hints, or after a pause to report a
 * generation failure); for each open guideline, a base lookup from BaseFinder's caches (files are
 * read again only when they changed) and a compile only when its base's text changed. Requests
 * between changes answer from the analysis of the last change and look nothing up.
 */
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { preparePolicy, sourceKind, type PreparedPolicy } from "../compiler/index.js";
import {
  analyze,
  caseOutcomes,
  scriptOf,
  codeLenses,
  completionItems,
  definition,
  diagnosticsOf,
  documentSymbols,
  foldingRanges,
  formatEdits,
  hoverAt,
  inlayHints,
  looksLikeGuideline,
  quickFixes,
  references,
  rename,
  renameRange,
  RenameRefused,
  SEMANTIC_LEGEND,
  semanticTokens,
  type Analysis,
} from "../language/index.js";
import { BaseFinder } from "./bases.js";

/** After a pause this long, a text's code is generated (if no case did so) to report a failure. */
const SCRIPT_PAUSE_MS = 300;

interface Entry {
  readonly version: number;
  /** The document events seen when the base was last looked up (see `generation`). */
  generation: number;
  readonly baseText?: string;
  readonly analysis: Analysis;
  /** The base policy's URI, for a guideline that found one. */
  readonly baseUri?: string;
  cases?: ReturnType<typeof caseOutcomes>;
}

export const CAPABILITIES: InitializeResult["capabilities"] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
  completionProvider: { resolveProvider: false },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  documentFormattingProvider: true,
  foldingRangeProvider: true,
  semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  codeLensProvider: { resolveProvider: false },
  inlayHintProvider: true,
};

/**
 * Start a server on a connection (stdio when none is given). `bases` is the guideline base lookup
 * with its caches (a test passes its own to count the work).
 */
export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all),
  bases: BaseFinder = new BaseFinder(),
) {
  const documents = new TextDocuments(TextDocument);
  const entries = new Map<string, Entry>();
  const prepared = new Map<string, PreparedPolicy>();
  const scriptTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Counts the events that may change what a guideline's 基于 finds: a document opened, changed
   * or closed, a watched file changed. An entry looked up at the current count needs no lookup.
   */
  let generation = 0;

  const openTexts = () => new Map(documents.all().map((d) => [d.uri, d.getText()]));

  function preparedFor(text: string): PreparedPolicy {
    let p = prepared.get(text);
    if (!p) {
      if (prepared.size > 16) prepared.clear();
      p = preparePolicy(text);
      prepared.set(text, p);
    }
    return p;
  }

  function analysisOf(uri: string): Entry | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const old = entries.get(uri);
    if (old && old.version === doc.version && old.generation === generation) return old;
    const text = doc.getText();
    const kind = looksLikeGuideline(text) ? sourceKind(text) : { guideline: false as const };
    const base =
      kind.guideline && kind.basedOn !== undefined
        ? bases.find(kind.basedOn, uri, openTexts())
        : undefined;
    if (old && old.version === doc.version && old.baseText === base?.text) {
      old.generation = generation;
      return old;
    }
    const analysis = analyze(
      text,
      base ? { text: base.text, origin: base.uri, prepared: preparedFor(base.text) } : undefined,
    );
    const entry: Entry = {
      version: doc.version,
      generation,
      analysis,
      ...(base ? { baseText: base.text, baseUri: base.uri } : {}),
    };
    entries.set(uri, entry);
    return entry;
  }

  function send(uri: string, e: Entry) {
    void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(e.analysis) });
  }

  function publish(uri: string) {
    const e = analysisOf(uri);
    if (!e) return;
    send(uri, e);
    generateLater(uri, e);
  }

  /** Generate the text's code after a pause, and publish again if that fails (E999). */
  function generateLater(uri: string, e: Entry) {
    clearTimeout(scriptTimers.get(uri));
    const timer = setTimeout(() => {
      scriptTimers.delete(uri);
      if (entries.get(uri) !== e) return;
      const script = scriptOf(e.analysis);
      if (script && "error" in script) send(uri, e);
    }, SCRIPT_PAUSE_MS);
    timer.unref();
    scriptTimers.set(uri, timer);
  }

  /** Re-check the guidelines that build on `uri`, or that may (a policy named by its title). */
  function publishDependents(uri: string) {
    for (const d of documents.all()) {
      if (d.uri === uri) continue;
      const e = entries.get(d.uri);
      if (e?.analysis.guideline) publish(d.uri);
    }
  }

  const at = (p: { textDocument: { uri: string } }) => analysisOf(p.textDocument.uri);
  const casesOf = (e: Entry) => (e.cases ??= caseOutcomes(e.analysis));

  connection.onInitialize(() => ({
    capabilities: CAPABILITIES,
    serverInfo: { name: "zhengce", version: "0.1.0" },
  }));

  documents.onDidChangeContent((ch) => {
    generation++;
    publish(ch.document.uri);
    publishDependents(ch.document.uri);
  });
  documents.onDidClose((ch) => {
    generation++;
    entries.delete(ch.document.uri);
    bases.closed(ch.document.uri);
    clearTimeout(scriptTimers.get(ch.document.uri));
    scriptTimers.delete(ch.document.uri);
    void connection.sendDiagnostics({ uri: ch.document.uri, diagnostics: [] });
    publishDependents(ch.document.uri);
  });
  connection.onDidChangeWatchedFiles((p) => {
    generation++;
    for (const ch of p.changes) publishDependents(ch.uri);
  });

  connection.onCompletion((p) => {
    const e = at(p);
    return e ? completionItems(e.analysis) : [];
  });
  connection.onHover((p) => {
    const e = at(p);
    return e ? hoverAt(e.analysis, p.position) : null;
  });
  connection.onDefinition((p) => {
    const e = at(p);
    return e ? definition(e.analysis, p.textDocument.uri, p.position) : [];
  });
  connection.onReferences((p) => {
    const e = at(p);
    const decl = p.context.includeDeclaration;
    return e ? references(e.analysis, p.textDocument.uri, p.position, decl) : [];
  });
  connection.onPrepareRename((p) => {
    const e = at(p);
    if (!e) return null;
    try {
      return renameRange(e.analysis, p.position);
    } catch (err) {
      if (err instanceof RenameRefused) return new ResponseError(-32803, err.message);
      throw err;
    }
  });
  connection.onRenameRequest((p) => {
    const e = at(p);
    if (!e) return null;
    try {
      return { changes: { [p.textDocument.uri]: rename(e.analysis, p.position, p.newName) } };
    } catch (err) {
      if (err instanceof RenameRefused) return new ResponseError(-32803, err.message);
      throw err;
    }
  });
  connection.onDocumentSymbol((p) => {
    const e = at(p);
    return e ? documentSymbols(e.analysis) : [];
  });
  connection.onDocumentFormatting((p) => {
    const e = at(p);
    return e ? formatEdits(e.analysis) : [];
  });
  connection.onFoldingRanges((p) => {
    const e = at(p);
    return e ? foldingRanges(e.analysis) : [];
  });
  connection.languages.semanticTokens.on((p) => {
    const e = at(p);
    return e ? semanticTokens(e.analysis) : { data: [] };
  });
  connection.onCodeAction((p) => {
    const e = at(p);
    return e ? quickFixes(e.analysis, p.textDocument.uri, p.range) : [];
  });
  connection.onCodeLens((p) => {
    const e = at(p);
    return e ? codeLenses(e.analysis, casesOf(e)) : [];
  });
  connection.languages.inlayHint.on((p) => {
    const e = at(p);
    return e ? inlayHints(e.analysis, casesOf(e)) : [];
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
