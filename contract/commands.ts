/**
 * Every command id the extension contributes. The client's table (client/commands/index.ts) and the
 * manifest (`contributes.commands`) must list exactly these (test/core/manifest.test.ts).
 */
export const COMMAND_IDS = {
  restartServer: 'caseed.restartServer',
  showOutput: 'caseed.showOutput',
  sendSeedFile: 'caseed.sendSeedFile',
  setCredentials: 'caseed.setCredentials',
  clearCredentials: 'caseed.clearCredentials',
  chooseDataCenter: 'caseed.chooseDataCenter',
  pullDefinitions: 'caseed.pullDefinitions',
  importExport: 'caseed.importExport',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
