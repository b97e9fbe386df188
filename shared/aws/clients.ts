// Settings shared by every AWS client of a function: the region from the runtime, and in tests one stand-in
// endpoint with fixed dummy credentials (so a developer's real profile is never used against it).
export function awsClientConfig(endpoint?: string): {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle?: boolean;
} {
  if (endpoint === undefined) return {};
  return {
    endpoint,
    region: process.env.AWS_REGION ?? 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    forcePathStyle: true,
  };
}
