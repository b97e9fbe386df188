// What a Lambda bundle gets for 'gcp-metadata': a stand-in that says "not on Google Cloud".
//
// google-auth-library loads gcp-metadata (and with it json-bigint and bignumber.js, ~30 KB) to find credentials on
// Google's own machines. Branchboard signs in with a service-account key (a JWT client), which never asks, and a
// Lambda is never on Google Cloud; if anything did ask, it is told so instead of waiting on a metadata server.
const notHere = async () => {
  throw new Error('gcp-metadata: not available in a Branchboard Lambda (it signs in with a service-account key)');
};
export const instance = notHere;
export const project = notHere;
export const universe = notHere;
export const bulk = notHere;
export const isAvailable = async () => false;
export const resetIsAvailableCache = () => {};
export const getGCPResidency = () => false;
export const setGCPResidency = () => {};
export const detectGCPResidency = () => false;
export const isGoogleCloudServerless = () => false;
export const isGoogleComputeEngine = () => false;
export const isGoogleComputeEngineLinux = () => false;
export const isGoogleComputeEngineMACAddress = () => false;
export const requestTimeout = () => 0;
export const gcpResidencyCache = false;
export const BASE_PATH = '/computeMetadata/v1';
export const HOST_ADDRESS = 'http://169.254.169.254';
export const SECONDARY_HOST_ADDRESS = 'http://metadata.google.internal.';
export const HEADER_NAME = 'Metadata-Flavor';
export const HEADER_VALUE = 'Google';
export const HEADERS = Object.freeze({ [HEADER_NAME]: HEADER_VALUE });
export const METADATA_SERVER_DETECTION = Object.freeze({});
export const GCE_LINUX_BIOS_PATHS = Object.freeze({});
