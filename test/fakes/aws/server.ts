// A stand-in for the AWS services the functions call besides DynamoDB (which is DynamoDB Local): S3 objects
// (path-style PUT/GET), SQS SendMessage, Step Functions StartExecution and Secrets Manager GetSecretValue, in the
// JSON-protocol shapes the AWS SDK v3 clients send. Real clients are pointed at it with an endpoint; it records
// everything so tests can assert on what was sent and play the part of the service (deliver a message, run a Map).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  queueUrl: string;
  body: string;
  delaySeconds: number;
}

export interface StartedExecution {
  stateMachineArn: string;
  name: string;
  input: string;
  executionArn: string;
}

export interface FakeAws {
  endpoint: string;
  objects: Map<string, string>;
  messages: SentMessage[];
  executions: StartedExecution[];
  secrets: Map<string, string>;
  /** An object's JSON, as a Distributed Map's item reader would read it. */
  json<T>(bucket: string, key: string): T;
  stop(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Undoes `Content-Encoding: aws-chunked` (size;ext\r\n data \r\n … 0\r\n trailers), which the SDK uses with checksums.
 */
export function decodeAwsChunked(raw: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', pos);
    if (eol < 0) break;
    const size = parseInt(raw.subarray(pos, eol).toString('latin1').split(';')[0] ?? '0', 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(raw.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(value));
}

export async function startFakeAws(): Promise<FakeAws> {
  const objects = new Map<string, string>();
  const messages: SentMessage[] = [];
  const executions: StartedExecution[] = [];
  const secrets = new Map<string, string>();

  const server = createServer(async (req, res) => {
    const raw = await body(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target === '') {
      // S3, path-style: /bucket/key
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname.slice(1));
      if (req.method === 'PUT') {
        const data = String(req.headers['content-encoding'] ?? '').includes('aws-chunked')
          ? decodeAwsChunked(raw)
          : raw;
        objects.set(path, data.toString('utf8'));
        res.writeHead(200, { etag: `"${createHash('md5').update(data).digest('hex')}"` });
        res.end();
        return;
      }
      if (req.method === 'GET' && objects.has(path)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(objects.get(path));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end('<Error><Code>NoSuchKey</Code><Message>not found</Message></Error>');
      return;
    }
    const input = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    switch (target) {
      case 'secretsmanager.GetSecretValue': {
        const id = String(input.SecretId);
        const value = secrets.get(id);
        if (value === undefined)
          return json(res, 400, {
            __type: 'ResourceNotFoundException',
            message: `Secrets Manager can't find the specified secret.`,
          });
        return json(res, 200, { ARN: id, Name: id, SecretString: value, VersionId: 'v1' });
      }
      case 'AmazonSQS.SendMessage': {
        const text = String(input.MessageBody);
        messages.push({ queueUrl: String(input.QueueUrl), body: text, delaySeconds: Number(input.DelaySeconds ?? 0) });
        return json(res, 200, {
          MessageId: `m-${messages.length}`,
          MD5OfMessageBody: createHash('md5').update(text).digest('hex'),
        });
      }
      case 'AWSStepFunctions.StartExecution': {
        const name = String(input.name);
        const arn = String(input.stateMachineArn);
        const same = executions.find((e) => e.stateMachineArn === arn && e.name === name);
        if (same !== undefined && same.input !== String(input.input)) {
          return json(res, 400, {
            __type: 'ExecutionAlreadyExists',
            message: `Execution Already Exists: '${same.executionArn}'`,
          });
        }
        const executionArn = same?.executionArn ?? `${arn.replace(':stateMachine:', ':execution:')}:${name}`;
        if (same === undefined)
          executions.push({ stateMachineArn: arn, name, input: String(input.input), executionArn });
        return json(res, 200, { executionArn, startDate: Date.now() / 1000 });
      }
      default:
        return json(res, 400, { __type: 'UnknownOperationException', message: `the fake does not speak ${target}` });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    messages,
    executions,
    secrets,
    json<T>(bucket: string, key: string): T {
      const text = objects.get(`${bucket}/${key}`);
      if (text === undefined) throw new Error(`no object ${bucket}/${key}`);
      return JSON.parse(text) as T;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
