// The console's DynamoDB client: every action is a DynamoDB (or DynamoDB Streams) operation sent to
// POST / exactly as an SDK sends it, so users see the same answers and the same errors.
import { signedHeaders } from './sigv4.js';

/** In open mode any well-formed signature is accepted: the console signs with fixed local keys. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const STORAGE_KEY = 'ddb-console-credentials';

export const settings = { authMode: 'open', region: 'us-east-1', liveStream: true };

export async function loadSettings() {
  const answer = await fetch('api/settings');
  Object.assign(settings, await answer.json());
}

/** The keys the console signs with: the user's (verify mode, kept for this browser tab only) or local ones. */
export function credentials() {
  if (settings.authMode === 'open') return { ...LOCAL_CREDENTIALS, region: settings.region };
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return stored ? JSON.parse(stored) : null;
}

export function saveCredentials(value) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
}

export function forgetCredentials() {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** A DynamoDB error answer: its short type (e.g. ResourceNotFoundException), full __type and message. */
export class DynamoDbError extends Error {
  constructor(type, message, status) {
    super(message);
    this.type = type;
    this.code = String(type).split('#').pop();
    this.status = status;
  }
}

async function call(prefix, operation, request) {
  const body = JSON.stringify(request ?? {});
  const keys = credentials();
  if (!keys) throw new DynamoDbError('MissingAuthenticationTokenException', 'Sign in with an access key first', 0);
  const target = `${prefix}.${operation}`;
  const headers = await signedHeaders({ target, body, host: location.host, credentials: keys });
  return read(await fetch('/', { method: 'POST', headers, body }));
}

/** A JSON answer, or its DynamoDB error (__type and message) as a DynamoDbError. */
async function read(answer) {
  const text = await answer.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new DynamoDbError(`HTTP ${answer.status}`, text, answer.status);
  }
  if (!answer.ok) {
    throw new DynamoDbError(json.__type ?? `HTTP ${answer.status}`, json.message ?? json.Message ?? text, answer.status);
  }
  return json;
}

/** A DynamoDB operation, e.g. ddb('PutItem', { TableName, Item }). */
export const ddb = (operation, request) => call('DynamoDB_20120810', operation, request);
/** A DynamoDB Streams operation, e.g. streams('GetRecords', { ShardIterator }). */
export const streams = (operation, request) => call('DynamoDBStreams_20120810', operation, request);

/**
 * GET one of the gateway's console endpoints, e.g. consoleGet('metrics', { table: 'Music' }). In
 * verify mode it is signed (SigV4, service dynamodb) as the DynamoDB calls are; in open mode it needs no signature.
 */
export async function consoleGet(endpoint, parameters = {}) {
  const path = `/console/api/${endpoint}`;
  const query = Object.entries(parameters).filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`).sort().join('&');
  let headers = {};
  if (settings.authMode !== 'open') {
    const keys = credentials();
    if (!keys) throw new DynamoDbError('MissingAuthenticationTokenException', 'Sign in with an access key first', 0);
    headers = await signedHeaders({ method: 'GET', path, query, host: location.host, credentials: keys });
  }
  return read(await fetch(query ? `${path}?${query}` : path, { headers }));
}

/** URI encoding as SigV4 wants it: encodeURIComponent leaves !'()* alone, SigV4 does not. */
const encodeRfc3986 = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
