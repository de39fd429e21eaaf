// score_vader: VADER compound scores (npm `vader-sentiment`) of every line of a
// file, one answer a line; prints the number of lines and the sum of the
// compound scores. A comparison tool of run.sh, not part of consensus.
'use strict';
const fs = require('fs');
const readline = require('readline');
const vader = require('vader-sentiment');

const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
let n = 0;
let sum = 0;
rl.on('line', (line) => {
  sum += vader.SentimentIntensityAnalyzer.polarity_scores(line).compound;
  n++;
});
rl.on('close', () => console.log(`${n} lines, compound sum ${sum.toFixed(3)}`));
