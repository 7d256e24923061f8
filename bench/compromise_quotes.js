// Peer baseline for bench/run.sh: npm compromise's quotations() over the
// "text" of each JSON line of a file; prints bytes, seconds and quotes found.
const fs = require('fs');
const nlp = require('compromise');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let bytes = 0, quotes = 0;
const t0 = process.hrtime.bigint();
for (const l of lines) {
  const text = JSON.parse(l).text || '';
  bytes += Buffer.byteLength(text);
  quotes += nlp(text).quotations().length;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ bytes, seconds: s, quotes }));
