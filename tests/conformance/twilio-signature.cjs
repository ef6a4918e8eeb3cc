// Oracle for the voice conformance test: the official twilio library signs and validates what the test sends on stdin.
// Input: {"authToken", "cases": [{"url", "params", "signature"}]}; output: [{"expected", "valid"}] for each case.
const twilio = require('twilio');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { authToken, cases } = JSON.parse(input);
  const results = cases.map((c) => ({
    expected: twilio.getExpectedTwilioSignature(authToken, c.url, c.params),
    valid: twilio.validateRequest(authToken, c.signature, c.url, c.params),
  }));
  process.stdout.write(JSON.stringify(results));
});
