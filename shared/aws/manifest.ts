// Work lists of a run as JSON arrays in S3: what a Distributed Map reads item by item, so a list of 50,000
// workbooks never passes through a state's 256 KB payload.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { awsClientConfig } from './clients';

export interface Manifest {
  bucket: string;
  key: string;
  count: number;
}

let client: S3Client | null = null;

export async function putManifest(
  bucket: string,
  key: string,
  items: readonly unknown[],
  endpoint?: string,
): Promise<Manifest> {
  return { ...(await putRunJson(bucket, key, items, endpoint)), count: items.length };
}

/** Any JSON value of a run kept beside its manifests (too large for a state's payload), and read back. */
export async function putRunJson(
  bucket: string,
  key: string,
  value: unknown,
  endpoint?: string,
): Promise<{ bucket: string; key: string }> {
  client ??= new S3Client(awsClientConfig(endpoint));
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(value), ContentType: 'application/json' }),
  );
  return { bucket, key };
}

export async function getRunJson(bucket: string, key: string, endpoint?: string): Promise<unknown> {
  client ??= new S3Client(awsClientConfig(endpoint));
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return JSON.parse((await res.Body?.transformToString('utf8')) ?? 'null');
}

export const manifestKeys = {
  sync: (runId: string) => `runs/${runId}/sync.json`,
  feedback: (runId: string) => `runs/${runId}/feedback.json`,
  parts: (runId: string) => `runs/${runId}/parts.json`,
  /** A group's one look at the change log, for every committee's execution. */
  changes: (runId: string) => `runs/${runId}/changes.json`,
};
