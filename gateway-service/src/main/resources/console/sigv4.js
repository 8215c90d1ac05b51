// AWS Signature Version 4 for DynamoDB's POST / in the browser, with WebCrypto (SubtleCrypto):
// the same signature the AWS SDKs make, so the gateway's verify mode can check it.
const encoder = new TextEncoder();

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (data) => hex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data));

async function hmac(key, data) {
  const raw = typeof key === 'string' ? encoder.encode(key) : key;
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data));
}

/**
 * Headers that sign a POST / with the given body.
 * @param {{accessKeyId: string, secretAccessKey: string, region: string}} credentials
 */
export async function signedHeaders({ target, body, host, credentials, service = 'dynamodb', now = new Date() }) {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, ''); // 20261130T233500Z
  const date = amzDate.slice(0, 8);
  const headers = {
    'content-type': 'application/x-amz-json-1.0',
    host,
    'x-amz-date': amzDate,
    'x-amz-target': target,
  };
  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    'POST', '/', '',
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    names.join(';'),
    await sha256(encoder.encode(body)),
  ].join('\n');
  const scope = `${date}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256(canonicalRequest)].join('\n');
  let key = await hmac(`AWS4${credentials.secretAccessKey}`, date);
  for (const part of [credentials.region, service, 'aws4_request']) key = await hmac(key, part);
  const signature = hex(await hmac(key, stringToSign));
  return {
    'Content-Type': headers['content-type'],
    'X-Amz-Date': amzDate,
    'X-Amz-Target': target,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, `
      + `SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}
