/** Formatting: adapter over core/features/format (pending). */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { SeedModel } from '../core/document';

export function formatDocument(_model: SeedModel, _options: FormattingOptions): TextEdit[] {
  return [];
}

export function formatRange(
  _model: SeedModel,
  _range: Range,
  _options: FormattingOptions,
): TextEdit[] {
  return [];
}
