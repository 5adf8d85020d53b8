// `pnpm admin:create <username> [display name]`: creates a system administrator in the configured
// database (DATABASE_URL, or PGlite in FAZHI_DATA_DIR) — the way into a production deployment,
// which starts empty. The password comes from FAZHI_ADMIN_PASSWORD or is asked for twice
// without echo; there is no default. Refused when the username exists.
import { createInterface } from 'node:readline';
import { asTRPCErrorOf } from '../trpc/app-error-code.js';
import { readEnv } from '../env.js';
import { openDatabase } from '../db/client.js';
import { createSystemAdmin } from '../services/auth.js';
import { describeError } from '../trpc/error-formatter.js';
import { passwordProblem, passwordRules } from '../services/auth.js';
import { DEMO_PASSWORD } from '../demo/demo-county.js';

const [username, ...nameParts] = process.argv.slice(2).filter((a) => a !== '--');
if (!username) {
  console.error('用法 / usage: pnpm admin:create <username> [display name]');
  console.error('密码取自环境变量 FAZHI_ADMIN_PASSWORD，未设置时提示输入（不回显）。');
  console.error('The password is read from FAZHI_ADMIN_PASSWORD, or asked for (not echoed).');
  process.exit(2);
}
const env = readEnv();

/** Reads one line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stdout.write(question);
    output._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (env.FAZHI_ADMIN_PASSWORD !== undefined) return env.FAZHI_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    console.error(
      '没有终端可输入密码：请设置 FAZHI_ADMIN_PASSWORD / no terminal: set FAZHI_ADMIN_PASSWORD',
    );
    process.exit(2);
  }
  const first = await askHidden(
    `密码 / password (${passwordRules.min}–${passwordRules.max}, letters and digits): `,
  );
  const second = await askHidden('再次输入 / again: ');
  if (first !== second) {
    console.error('两次输入的密码不一致 / the passwords differ');
    process.exit(1);
  }
  return first;
}

const password = await readPassword();
// the password rules are checked again when the account is written; here before opening the database
const problem =
  passwordProblem(password) ??
  (password === DEMO_PASSWORD
    ? {
        zh: '不能使用演示账号的公开密码',
        en: 'The demo accounts’ published password cannot be used',
      }
    : null);
if (problem) {
  console.error(`${problem.zh} / ${problem.en}`);
  process.exit(1);
}
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.FAZHI_DATA_DIR });
try {
  await database.migrate();
  await createSystemAdmin({
    db: database.db,
    username,
    displayName: nameParts.join(' ').trim() || '系统管理员',
    password,
    requestId: `cli-${Date.now()}`,
  });
  console.log(`已创建系统管理员 / created the system administrator: ${username}`);
} catch (error) {
  const trpcError = asTRPCErrorOf(error);
  if (!trpcError) throw error;
  const data = describeError(trpcError);
  const problems = data.fieldErrors.length
    ? data.fieldErrors.map((f) => `${f.message.zh} / ${f.message.en}`)
    : [`${data.messages.zh} / ${data.messages.en}`];
  for (const line of problems) console.error(line);
  process.exitCode = 1;
} finally {
  await database.close();
}
