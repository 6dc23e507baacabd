// Drives the admin console in Debian's headless Chromium like an admin would,
// and checks every change through the admin API, not only in the page.
// Started by tests/integration/browser_console_test.cc, which starts paynextd
// and leaves a paid payment whose testkit step failed (testkit.mode=fail).
//   PAYNEXT_URL, PAYNEXT_ADMIN_TOKEN (admin.token), PAYNEXT_FACTORY,
//   PAYNEXT_OUT_TRADE_ID, PAYNEXT_USER_ID, PAYNEXT_CHROMIUM, PAYNEXT_BROWSER_ARTIFACTS
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env('PAYNEXT_URL');
const bootstrapToken = env('PAYNEXT_ADMIN_TOKEN');
const factory = env('PAYNEXT_FACTORY');
const outTradeId = env('PAYNEXT_OUT_TRADE_ID');
const userId = env('PAYNEXT_USER_ID');
const artifacts = process.env.PAYNEXT_BROWSER_ARTIFACTS || '';
if (artifacts) mkdirSync(artifacts, { recursive: true });
const TIMEOUT = 15000;

async function api(method, path, body) {
  const r = await fetch(`${base}/admin/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${bootstrapToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

// Polls until check() returns a truthy value; fails with what was last seen.
async function until(what, check, ms = TIMEOUT) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last && last.ok) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const steps = [];
function step(name) {
  steps.push(name);
  console.log(`- ${name}`);
}

const browser = await chromium.launch({
  executablePath: process.env.PAYNEXT_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
context.setDefaultTimeout(TIMEOUT);
const page = await context.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
// Refused API calls are expected (the wrong password) and shown in the page;
// any other console error (a script error, a CSP violation) is a failure.
page.on('console', (m) => {
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
});
const tab = (name) => page.locator('nav.tabs').getByRole('link', { name, exact: true });
let shot = 0;
const screenshot = async (name) => {
  if (artifacts) await page.screenshot({ path: join(artifacts, `${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true });
};

let failed = false;
try {
  step('a platform admin with a password, made through the API');
  const created = await api('POST', '/admins', { username: 'console-admin', password: 'console-pass-1', role: 'platform' });
  expect(created.status === 201, `create admin: ${JSON.stringify(created)}`);
  // Data that must be shown as text, never run as HTML.
  await api('PUT', `/factories/${factory}/config/note`, { value: '<img src=x onerror="window.__xss=1">' });

  step('a wrong password shows the API error');
  await page.goto(`${base}/admin/`);
  await page.getByLabel('用户名').fill('console-admin');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.locator('#error').filter({ hasText: '用户名或密码错误' }).waitFor();
  await screenshot('login-error');

  step('log in through the form');
  await page.getByLabel('密码', { exact: true }).fill('console-pass-1');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '工厂设置' }).waitFor();
  expect(await page.evaluate(() => !!sessionStorage.getItem('paynext.adminToken')), 'token not in sessionStorage');
  await screenshot('factories');

  step('enable the SMS module with its switch (模块管理)');
  await page.getByRole('link', { name: factory, exact: true }).click();
  await page.getByRole('heading', { name: '模块管理' }).waitFor();
  const sms = page.getByRole('switch', { name: '启用 短信验证码' });
  expect(!(await sms.isChecked()), 'sms should start disabled');
  await sms.click();
  await page.locator('#notice').filter({ hasText: '短信验证码 已启用' }).waitFor();
  expect(await sms.isChecked(), 'sms switch not on');
  await until('sms enabled in the API', async () => {
    const r = await api('GET', `/factories/${factory}/modules`);
    return { ok: r.json.find((m) => m.name === 'sms')?.enabled === true, r: r.json.map((m) => [m.name, m.enabled]) };
  });
  await screenshot('modules');

  step('a plugin refused at start-up is listed with the loader\'s reason (模块管理)');
  const plugins = await api('GET', '/plugins');
  expect(plugins.json.refused.length === 1, `refused plugins: ${JSON.stringify(plugins.json.refused)}`);
  const refused = page.locator('#refused-plugins');
  await refused.getByRole('heading', { name: '未加载的插件（1）' }).waitFor();
  await refused.getByRole('row').filter({ hasText: plugins.json.refused[0].file })
    .filter({ hasText: 'module factory threw: factory boom' }).waitFor();
  expect(!(await page.locator('section[data-module="throwing_factory"]').count()), 'a refused plugin has no module card');

  step('the SMS module settings (短信设置) are listed');
  await tab('模块设置').click();
  await page.getByRole('heading', { name: '短信设置' }).waitFor();

  step('a module resource written with PUT is saved through its form (校园卡项目设置)');
  await page.getByRole('heading', { name: '校园卡项目设置' }).waitFor();
  await page.getByLabel('campus/settings PUT 请求内容 (JSON)').fill(JSON.stringify({ projectName: '智慧校园', selectType: 1 }));
  await page.locator('section[data-module="campus"]').filter({ has: page.getByLabel('campus/settings PUT 请求内容 (JSON)') })
    .getByRole('button', { name: '保存' }).click();
  await until('campus settings saved in the API', async () => {
    const r = await api('GET', `/factories/${factory}/modules/campus/settings`);
    return { ok: r.json && r.json.projectName === '智慧校园' && r.json.selectType === 1, r: r.json };
  });
  await screenshot('module-settings');

  step('set a system parameter (系统参数配置)');
  await tab('系统参数配置').click();
  await page.getByRole('heading', { name: '系统参数配置', level: 1 }).waitFor();
  expect(await page.getByLabel('note 的值').inputValue() === '<img src=x onerror="window.__xss=1">', 'note not shown as text');
  await page.locator('#config-form').getByLabel('参数名').fill('testkit.mode');
  await page.locator('#config-form').getByLabel('值').fill('done');
  await page.getByRole('button', { name: '保存参数' }).click();
  await page.locator('#notice').filter({ hasText: '系统参数 testkit.mode 已保存' }).waitFor();
  expect(await page.getByLabel('testkit.mode 的值').inputValue() === 'done', 'new value not shown');
  await until('testkit.mode=done in the API', async () => {
    const r = await api('GET', `/factories/${factory}/config`);
    return { ok: r.json['testkit.mode'] === 'done', r: r.json };
  });
  await screenshot('config');
  await page.getByLabel('testkit.mode 私密').check();
  await page.locator('tr[data-key="testkit.mode"]').getByRole('button', { name: '保存', exact: true }).click();
  await until('testkit.mode private in the API', async () => {
    const r = await api('GET', `/factories/${factory}/config?detail=1`);
    return { ok: r.json.some((e) => e.key === 'testkit.mode' && e.private === true), r: r.json };
  });

  step('find the payment through the filters');
  await tab('支付记录').click();
  const filters = page.locator('#payment-filters');
  await filters.waitFor();
  const rows = page.locator('tr[data-out-trade-id]');
  await until('two payments before filtering', async () => ({ ok: (await rows.count()) === 2, n: await rows.count() }));
  await filters.getByLabel('状态').selectOption('PAID');
  await filters.getByLabel('用户 ID').fill(userId);
  await filters.getByLabel('渠道').selectOption('wxpay');
  await filters.getByRole('button', { name: '查询' }).click();
  await until('one payment after filtering', async () => ({ ok: (await rows.count()) === 1, n: await rows.count() }));
  expect(await rows.first().getAttribute('data-out-trade-id') === outTradeId, 'the filters found another payment');
  await screenshot('payments');

  step('open it: the chain shows the failed step');
  await page.getByRole('link', { name: outTradeId }).click();
  const first = page.locator('#timeline li[data-seq="0"]');
  await first.locator('.step-status').filter({ hasText: 'FAILED' }).waitFor();
  await first.getByText('testkit asked to fail').waitFor();
  await screenshot('payment-failed');

  step('retry the failed step with the button');
  await page.getByRole('button', { name: '重试失败步骤' }).click();
  await first.locator('.step-status').filter({ hasText: 'DONE' }).waitFor();
  await until('the step DONE in the API', async () => {
    const r = await api('GET', `/factories/${factory}/payments/${outTradeId}`);
    return { ok: r.json.steps[0].status === 'DONE', steps: r.json.steps.map((s) => [s.status, s.attempts, s.lastError]) };
  });
  await screenshot('payment-retried');

  step('a refund in yuan with more than two decimals is refused in the page, before any call (退款)');
  const refundForm = page.locator('#refund-form');
  await refundForm.getByLabel('退款金额（元）').fill('1.001');
  await refundForm.getByLabel('原因').fill('控制台退款');
  await refundForm.getByRole('button', { name: '退款' }).click();
  await page.locator('#error').filter({ hasText: '退款金额应为元，最多两位小数' }).waitFor();
  expect((await api('GET', `/factories/${factory}/payments/${outTradeId}/refunds`)).json.length === 0, 'a refund was made');

  step('more than the payment: the server\'s refusal is shown');
  await refundForm.getByLabel('退款金额（元）').fill('1.01');
  await refundForm.getByRole('button', { name: '退款' }).click();
  await page.locator('#error').filter({ hasText: '退款金额 1.01 元超过可退金额 1.00 元 (HTTP 409)' }).waitFor();
  expect((await api('GET', `/factories/${factory}/payments/${outTradeId}/refunds`)).json.length === 0, 'a refund was made');

  step('refund 1.00: the row shows it, and the channel\'s answer once it comes');
  await refundForm.getByLabel('退款金额（元）').fill('1.00');
  await refundForm.getByLabel('退款单号（可选）').fill('RF-console-1');
  await refundForm.getByRole('button', { name: '退款' }).click();
  await page.locator('#notice').filter({ hasText: '已提交退款 RF-console-1' }).waitFor();
  const refundRow = page.locator('tr[data-refund-no="RF-console-1"]');
  await refundRow.filter({ hasText: '¥1.00' }).filter({ hasText: '控制台退款' }).filter({ hasText: 'console-admin' }).waitFor();
  await refundRow.locator('.badge').filter({ hasText: 'SUCCESS' }).waitFor();
  await until('the refund in the API', async () => {
    const r = await api('GET', `/factories/${factory}/payments/${outTradeId}/refunds`);
    return { ok: r.json.length === 1 && r.json[0].amount === 100 && r.json[0].status === 'SUCCESS', r: r.json };
  });
  await screenshot('payment-refunded');

  step('the audit log shows what the admin did');
  await tab('审计日志').click();
  const audit = page.locator('main table');
  for (const action of ['payment.refund', 'payment.retry', 'config.set', 'module.set']) {
    await audit.getByText(action, { exact: true }).first().waitFor();
  }
  await screenshot('audit');

  step('the admins page lists the accounts');
  await page.goto(`${base}/admin/#/admins`);
  await page.getByRole('heading', { name: '管理员', exact: true }).waitFor();
  await page.locator('main table tr').filter({ hasText: 'console-admin' }).filter({ hasText: '平台管理员' }).waitFor();
  await screenshot('admins');

  step('the payment at phone width');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/admin/#/f/${factory}/payments/${outTradeId}`);
  await first.locator('.step-status').filter({ hasText: 'DONE' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `the page is ${overflow}px wider than a phone`);
  await screenshot('payment-phone');

  step('a token the server no longer takes leads back to the login form, saying why');
  await page.evaluate(() => sessionStorage.setItem('paynext.adminToken', 'expired-token'));
  await page.goto(`${base}/admin/#/factories`);
  await page.locator('#login-form').waitFor();
  await page.locator('#error').filter({ hasText: '需要有效的管理员令牌，请重新登录' }).waitFor();

  expect(await page.evaluate(() => window.__xss === undefined), 'rendered data ran as HTML');
  expect(problems.length === 0, problems.join('\n'));
  console.log(`console scenario: all ${steps.length} steps ok`);
} catch (e) {
  failed = true;
  console.error(`FAILED at "${steps[steps.length - 1]}": ${e.stack || e.message}`);
  if (problems.length) console.error(problems.join('\n'));
  try { await screenshot('failure'); } catch (ignored) { /* the page may be gone */ }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
