import { generateBulk } from './bench/generate';
import { liveServer } from './bench/keystroke';
(async () => {
  for (const rate of [0, 0.01]) {
    const text = generateBulk({ users: 100000, invalidRate: rate });
    const r = await liveServer(text, { keystrokes: 60, server: 'dist/server.js' });
    console.log(rate, JSON.stringify(r));
  }
})();
