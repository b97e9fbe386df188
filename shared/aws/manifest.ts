// Work lists of a run as JSON arrays in S3: what a Distributed Map reads item by item, so a list of 50,000
// workbooks never passes through a state's 256 KB payload.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
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
  client ??= new S3Client(awsClientConfig(endpoint));
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(items), ContentType: 'application/json' }),
  );
  return { bucket, key, count: items.length };
}

export const manifestKeys = {
  sync: (runId: string) => `runs/${runId}/sync.json`,
  feedback: (runId: string) => `runs/${runId}/feedback.json`,
  parts: (runId: string) => `runs/${runId}/parts.json`,
};
