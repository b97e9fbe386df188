// Builds the CDK app the way `npx cdk synth` does (cdk.json's context), with overrides for a test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildApp, type BranchboardApp } from '../../infra/app';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function cdkContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
    .context;
}

export function testApp(overrides: Record<string, unknown> = {}, outdir?: string): BranchboardApp {
  return buildApp(
    new App({
      context: { ...cdkContext(), configSpreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', ...overrides },
      ...(outdir ? { outdir } : {}),
    }),
  );
}

/** The state machine's definition as JSON, with every CloudFormation token replaced by the text TOKEN. */
export function definitionOf(resource: { Properties: { DefinitionString: unknown } }): Record<string, unknown> {
  const d = resource.Properties.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
  const text = typeof d === 'string' ? d : d['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : 'TOKEN')).join('');
  return JSON.parse(text) as Record<string, unknown>;
}
