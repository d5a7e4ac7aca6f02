/**
 * The desktop platform (`dist/client.js`): the language server in its own Node process over IPC,
 * HTTP through undici, a send's journal and lock beside the file as `caseed send` keeps them.
 * Nothing stands in the way of sending.
 */
import type { ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { createUndiciTransport } from '../transport/undici';
import type { Platform } from './platform';
import { importExport, mappingBeside, readExportHeader, writeSkeleton } from './importNode';
import { JournalFile, journalPathOf, readJournalFile } from '../cli/sendJournalFile';
import { acquireSendLock, lockPathOf } from '../cli/sendLock';

export const nodePlatform: Platform = {
  kind: 'desktop',
  import: { readExportHeader, mappingBeside, writeSkeleton, importExport },
  sendFiles: {
    journalPathOf,
    readJournal: readJournalFile,
    createJournal: (path) => JournalFile.create(path),
    continueJournal: (path) => JournalFile.continue(path),
    lock: (journalPath, file) => acquireSendLock(lockPathOf(journalPath), file, 'VS Code'),
  },
  createLanguageClient(extension, id, name, options) {
    const module = extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=6010'] },
      },
    };
    return new LanguageClient(id, name, serverOptions, options);
  },
  createTransport: ({ connections }) => createUndiciTransport({ connections }),
  cannotSend: () => Promise.resolve(undefined),
};
