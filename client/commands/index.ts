/**
 * The one table of commands: each row is a command id (from contract/commands.ts) and a factory that
 * builds its handler from the context. `registerCommands` registers them all in one loop.
 * The manifest test checks that `contributes.commands` lists exactly these ids.
 *
 * To add a command: one file in client/commands/ exporting a factory, one row here, one entry in
 * package.json `contributes.commands` (and its id in contract/commands.ts).
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../contract/commands';
import type { Ctx } from '../context';
import { chooseDataCenter } from './chooseDataCenter';
import { credentialsClear } from './credentialsClear';
import { credentialsSet } from './credentialsSet';
import { importExport } from './importExport';
import { pullDefinitions } from './pullDefinitions';
import { restartServer } from './restartServer';
import { sendSeedFile } from './sendSeedFile';
import { showOutput } from './showOutput';

export type CommandFactory = (ctx: Ctx) => (...args: unknown[]) => unknown;

export interface CommandRow {
  id: string;
  factory: CommandFactory;
}

export const COMMANDS: readonly CommandRow[] = [
  { id: COMMAND_IDS.restartServer, factory: restartServer },
  { id: COMMAND_IDS.showOutput, factory: showOutput },
  { id: COMMAND_IDS.sendSeedFile, factory: sendSeedFile },
  { id: COMMAND_IDS.setCredentials, factory: credentialsSet },
  { id: COMMAND_IDS.clearCredentials, factory: credentialsClear },
  { id: COMMAND_IDS.chooseDataCenter, factory: chooseDataCenter },
  { id: COMMAND_IDS.pullDefinitions, factory: pullDefinitions },
  { id: COMMAND_IDS.importExport, factory: importExport },
];

export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  return COMMANDS.map(({ id, factory }) => vscode.commands.registerCommand(id, factory(ctx)));
}
