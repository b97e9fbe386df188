// What a person reads from the command line: Chinese first, then English, and commands named as the README names them.

/** How the README names the command line; a new user has no `branchboard` on the PATH. */
export const CLI = 'npm run cli --';
export const NIGHTLY = 'npm run nightly --';
export const DEMO = 'npm run demo --';

import { UsageError } from '../domain/errors';

export { bi } from '../domain/errors';

const zhCommander: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (o) => `未知选项 ${o}`],
  [/^error: unknown command '([^']*)'/, (c) => `未知命令 ${c}`],
  [/^error: missing required argument '([^']*)'/, (a) => `缺少必需的参数 ${a}`],
  [/^error: option '([^']*)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/^error: required option '([^']*)' not specified/, (o) => `缺少必需的选项 ${o}`],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*?)\.?$/,
    (o, v, c) => `选项 ${o} 的取值 ${v} 无效，可选：${c}`,
  ],
  [/^error: (.*) cannot be used with (.*)$/, (a, b) => `${a} 不能与 ${b} 同时使用`],
  [/^error: too many arguments/, () => '参数过多'],
];

/**
 * A Chinese line for one of commander's own (English) error messages, e.g. `error: unknown option '--x'`;
 * commander's text follows it unchanged.
 */
export function commanderErrorZh(message: string): string {
  const text = message.trim();
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(text)?.[1];
  for (const [re, zh] of zhCommander) {
    const m = re.exec(text);
    if (m !== null) {
      return `错误：${zh(...m.slice(1))}${suggestion ? `（是否想用 ${suggestion}？）` : ''}。用 --help 查看用法。`;
    }
  }
  return '错误：命令行用法有误（见下面的英文说明），用 --help 查看用法。';
}

/** The files listed one to a line under a message. */
export const fileList = (files: readonly string[]): string => files.map((f) => `\n  ${f}`).join('');

/** A path or value as it would be typed in a shell command shown to the user. */
export const shellArg = (s: string): string => (/^[\w./~:@%+=,-]+$/u.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/** A whole-number option within its bounds, or a usage error that names the option and what was typed. */
export function wholeNumberOption(raw: string | undefined, flag: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError({
      zh: `${flag} 必须是 ${min} 到 ${max} 之间的整数，收到 "${raw ?? ''}"`,
      en: `${flag} must be a whole number from ${min} to ${max}, got "${raw ?? ''}"`,
    });
  return n;
}
