import type { AppDeps } from '../deps.js';
import { iso } from '../lib/clock.js';
import { keyFingerprint, rotateKey } from '../modules/keys/keys.service.js';

/**
 * `rotate-key`: re-encrypt every ID number and phone number with a new key and rebuild the blind indexes.
 * Stop the servers first; take a backup first (the command reminds you).
 */
export async function rotateKeyCommand(deps: AppDeps, argv: string[]): Promise<number> {
  if (!argv.includes('--yes')) {
    console.error(
      'Key rotation re-encrypts all personal data with a new key.\n' +
        '  1. Stop every Gongzhi server that uses this database.\n' +
        '  2. Take a backup (npm run gongzhi -- backup FILE, or pg_dump).\n' +
        'Then run: npm run gongzhi -- rotate-key --yes',
    );
    return 2;
  }
  const fromEnv = deps.config.secretKeySource === 'env';
  const result = await rotateKey(deps.db, {
    dataDir: deps.config.dataDir,
    oldKey: deps.config.secretKey,
    keyFromEnv: fromEnv,
    now: iso(deps.clock.now()),
    onProgress: (m) => process.stderr.write(`  ${m}\n`),
  });
  for (const [column, n] of Object.entries(result.resealed)) console.log(`re-encrypted ${n} value(s) in ${column}`);
  if (result.voidedClaimCodes > 0) console.log(`voided ${result.voidedClaimCodes} unused activation code(s): print new claim slips for those accounts`);
  console.log(`new key fingerprint ${keyFingerprint(result.newKey).slice(0, 8)}`);
  if (fromEnv) {
    console.log(
      `The key came from GONGZHI_SECRET_KEY. The new key is in ${result.keyFile} (mode 0600):\n` +
        '  set GONGZHI_SECRET_KEY to its contents, delete the file, then start the servers.',
    );
  } else {
    console.log(`The new key replaced ${result.keyFile}; the old key is gone. Start the servers.`);
  }
  return 0;
}
