/** `caseed: Show Output`: reveal the caseed output channel (the status item links here too). */
import type { Ctx } from '../context';

export function showOutput(ctx: Ctx) {
  return (): void => {
    ctx.output.show(true);
  };
}
