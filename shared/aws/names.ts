// Names shared by the functions and the CDK stacks (metric namespace, service, metric names the alarms watch).
export const SERVICE = 'branchboard';
export const METRICS_NAMESPACE = 'Branchboard';
