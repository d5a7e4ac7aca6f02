/**
 * Text the API sends back (error messages and codes, header values) is shown in a terminal and in
 * VS Code: a hostile or broken server must not move the cursor, retitle the window, clear the
 * screen or reorder text there. `sanitize` removes terminal escape sequences whole, turns line
 * breaks and tabs into spaces (every message is one line), and drops every other control character
 * (C0, DEL, C1) and the bidirectional overrides that can make text read other than it is.
 */

/* eslint-disable no-control-regex -- finding control characters is the point */
// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), other ESC sequences (ESC + one character),
// and the 8-bit CSI/OSC introducers with their parameters.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[^[\]]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` safe to print or show: no escape sequences, no control characters, one line. */
export function sanitize(text: string): string {
  return text.replace(ESCAPES, '').replace(BREAKS, ' ').replace(CONTROLS, '');
}
