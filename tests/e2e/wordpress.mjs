// A real WordPress for the plugin's tests, from Debian's packages
// (`wordpress`, `wordpress-theme-twentytwentythree`, `php-cli`, `php-mysql`,
// `mariadb-server`; .ci/run installs them): a throwaway MariaDB on a socket
// in a temporary folder, a copy of /usr/share/wordpress with its own
// wp-config.php, served by PHP's own web server on a free loopback port,
// installed with the theme Twenty Twenty-Three, an administrator and an
// Author. WordPress makes no request outside this machine.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { until } from './harness.mjs';

const WORDPRESS = '/usr/share/wordpress';
const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find(existsSync);

export const USERS = {
  admin: { login: 'admin', password: 'admin-password-1' },
  author: { login: 'author', password: 'author-password-1' },
};

/** Why WordPress cannot run here, or null when it can. */
export function missing() {
  const lacking = [];
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) lacking.push('wordpress');
  if (!existsSync(join(WORDPRESS, 'wp-content/themes/twentytwentythree'))) lacking.push('wordpress-theme-twentytwentythree');
  if (!MARIADBD) lacking.push('mariadb-server');
  try { execFileSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']); } catch { lacking.push('php-cli php-mysql'); }
  return lacking.length ? `apt-get install ${lacking.join(' ')}` : null;
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/**
 * Starts MariaDB and WordPress; resolves to { origin, dir, appPassword(user),
 * debugLog(), stop() }. Run as root (CI), MariaDB runs as `mysql`.
 */
export async function startWordPress() {
  const dir = mkdtempSync(join(tmpdir(), 'bondgenoot-wp-'));
  const root = process.getuid?.() === 0;
  // MariaDB (as `mysql` when we are root) must reach its folder.
  chmodSync(dir, 0o755);
  const data = join(dir, 'db');
  mkdirSync(data);
  const socket = join(data, 'mysqld.sock');
  if (root) execFileSync('chown', ['mysql:mysql', data]);
  const asUser = root ? ['--user=mysql'] : [];
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, ...asUser,
    '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'pipe' });
  const db = spawn(MARIADBD, ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking',
    `--pid-file=${join(data, 'mysqld.pid')}`, `--log-error=${join(dir, 'mariadb.log')}`, '--skip-log-bin',
    '--innodb-buffer-pool-size=32M', ...asUser], { stdio: 'ignore' });
  const stops = [async () => {
    db.kill('SIGTERM');
    await new Promise((ok) => { db.once('exit', ok); setTimeout(ok, 5000); });
  }];
  let php;
  try {
    await until(() => existsSync(socket), Boolean, 'MariaDB did not make its socket', 30000);
    execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress']);

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const site = join(dir, 'wp');
    // Symbolic links followed: Debian links some scripts (underscore) relative to /usr/share.
    cpSync(WORDPRESS, site, { recursive: true, dereference: true });
    rmSync(join(site, 'wp-config.php'));
    const salt = () => randomBytes(24).toString('hex');
    writeFileSync(join(site, 'wp-config.php'), `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define('${k}', '${salt()}');`).join('\n')}
// Application passwords over http on loopback.
define('WP_ENVIRONMENT_TYPE', 'local');
// Nothing leaves this machine: no update checks, no cron.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
// Every notice and warning, ours included, into a file the tests read.
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '${join(dir, 'debug.log')}');
define('WP_DEBUG_DISPLAY', false);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
    // Installed as the installer does it, with the two users.
    writeFileSync(join(dir, 'install.php'), `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '${site}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Gemeente Voorbeeld', '${USERS.admin.login}', 'admin@example.org', true, '', '${USERS.admin.password}');
switch_theme('twentytwentythree');
wp_insert_user(['user_login' => '${USERS.author.login}', 'user_pass' => '${USERS.author.password}',
  'user_email' => 'author@example.org', 'role' => 'author']);
`);
    execFileSync('php', [join(dir, 'install.php')], { stdio: 'pipe' });

    let log = '';
    // A process group of its own: its workers are children of their own,
    // which outlive a signal to the first one and keep the test running.
    php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', site], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    php.stdout.on('data', (d) => { log += d; });
    php.stderr.on('data', (d) => { log += d; });
    stops.unshift(async () => {
      const exited = new Promise((ok) => { php.once('exit', ok); setTimeout(ok, 3000); });
      try { process.kill(-php.pid, 'SIGTERM'); } catch { /* already gone */ }
      await exited;
    });
    await until(async () => (await fetch(`${origin}/wp-login.php`)).ok, (ok) => ok === true, 'WordPress did not answer', 30000);
    const passwords = {};
    return {
      origin,
      dir,
      phpLog: () => log,
      /** Everything WordPress and PHP logged as notices, warnings and errors. */
      debugLog: () => (existsSync(join(dir, 'debug.log')) ? readFileSync(join(dir, 'debug.log'), 'utf8') : ''),
      /** An application password for `user`, as they would make one on their profile page (once: a name is unique). */
      appPassword(user) {
        if (passwords[user]) return passwords[user];
        writeFileSync(join(dir, 'app-password.php'), `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
require '${site}/wp-load.php';
$user = get_user_by('login', '${user}');
[$password] = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'tests']);
echo $password;
`);
        passwords[user] = execFileSync('php', [join(dir, 'app-password.php')], { encoding: 'utf8' }).trim();
        return passwords[user];
      },
      async stop() {
        for (const stop of stops) await stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    for (const stop of stops) await stop();
    const mariadbLog = existsSync(join(dir, 'mariadb.log')) ? readFileSync(join(dir, 'mariadb.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${e.message}\n${e.stderr || ''}\n${mariadbLog.slice(-2000)}`);
  }
}
