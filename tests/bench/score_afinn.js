// score_afinn: AFINN-165 scores (npm `sentiment`) of every line of a file, one
// answer a line; prints the number of lines and the sum of their scores (so the
// work cannot be skipped). A comparison tool of run.sh, not part of consensus.
'use strict';
const fs = require('fs');
const readline = require('readline');
const Sentiment = require('sentiment');

const sentiment = new Sentiment();
const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
let n = 0;
let sum = 0;
rl.on('line', (line) => {
  sum += sentiment.analyze(line).score;
  n++;
});
rl.on('close', () => console.log(`${n} lines, score sum ${sum}`));
