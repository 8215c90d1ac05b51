// AWS Signature Version 4 for DynamoDB's POST / (and the console's signed GETs) in the browser, with WebCrypto (SubtleCrypto):
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
 * Headers that sign a request: DynamoDB's POST / with the given body and X-Amz-Target, or a GET of
 * one of the console's own endpoints (path, and query as its canonical string: names and values
 * URI-encoded, sorted by name).
 * @param {{accessKeyId: string, secretAccessKey: string, region: string}} credentials
 */
export async function signedHeaders({ method = 'POST', path = '/', query = '', target, body = '', host, credentials,
  service = 'dynamodb', now = new Date() }) {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, ''); // 20261130T233500Z
  const date = amzDate.slice(0, 8);
  const headers = { host, 'x-amz-date': amzDate };
  if (method === 'POST') {
    headers['content-type'] = 'application/x-amz-json-1.0';
    headers['x-amz-target'] = target;
  }
  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    method, path, query,
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    names.join(';'),
    await sha256(encoder.encode(body)),
  ].join('\n');
  const scope = `${date}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256(canonicalRequest)].join('\n');
  let key = await hmac(`AWS4${credentials.secretAccessKey}`, date);
  for (const part of [credentials.region, service, 'aws4_request']) key = await hmac(key, part);
  const signature = hex(await hmac(key, stringToSign));
  const signed = {
    'X-Amz-Date': amzDate,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, `
      + `SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
  if (method === 'POST') {
    signed['Content-Type'] = headers['content-type'];
    signed['X-Amz-Target'] = target;
  }
  return signed;
}
