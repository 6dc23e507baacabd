// paynext admin console: a small hash-routed page over the admin JSON API
// (/admin/api/...). No build step and no library. Every value from the API
// is rendered through textContent (el() below), never as HTML.
'use strict';

(() => {
  const TOKEN_KEY = 'paynext.adminToken';
  const USER_KEY = 'paynext.adminUser';
  const REASON_KEY = 'paynext.loginReason';  // why the last page sent the admin to log in
  const app = document.getElementById('app');
  const errorBox = document.getElementById('error');
  const noticeBox = document.getElementById('notice');
  let renderId = 0;  // a newer navigation makes older async renders stop

  // ---- DOM helpers -------------------------------------------------------

  // el('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child, ...)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'class') node.className = v;
      else if (k === 'value') node.value = v;
      else if (k === 'checked') node.checked = !!v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function show(...children) {
    app.replaceChildren();
    append(app, children);
  }
  function field(label, input) { return el('label', {class: 'field'}, label, input); }
  function badge(text, cls) { return el('span', {class: 'badge ' + (cls || text)}, text); }
  function table(headers, rows) {
    return el('div', {class: 'table-wrap'},
      el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', {colspan: headers.length, class: 'muted'}, '没有数据')))));
  }
  function kv(pairs) {
    return el('dl', {class: 'kv'}, pairs.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  }
  function text(v) {
    if (v === undefined || v === null || v === '') return '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  function time(ms) { return ms ? new Date(Number(ms)).toLocaleString('zh-CN', {hour12: false}) : '—'; }
  function yuan(fen) {
    const n = Number(fen);
    if (!Number.isFinite(n)) return text(fen);
    const sign = n < 0 ? '-' : '';
    const a = Math.abs(n);
    return `${sign}¥${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  }
  // Yuan typed by an admin ("12", "0.5", "3.25") as integer fen, through the
  // digits rather than floating point; null for anything else (signs, more
  // than two decimals, junk). 13 digits of yuan keep fen exact in a Number.
  function fenOf(yuanText) {
    const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(yuanText.trim());
    return m ? Number(m[1] + (m[2] || '').padEnd(2, '0')) : null;
  }
  // JSON stored as text (params, results): pretty when it parses.
  function jsonText(v) {
    if (v === undefined || v === null || v === '') return '—';
    if (typeof v !== 'string') return JSON.stringify(v, null, 2);
    try { return JSON.stringify(JSON.parse(v), null, 2); } catch (e) { return v; }
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    noticeBox.hidden = true;
  }
  function showNotice(message) {
    noticeBox.textContent = message;
    noticeBox.hidden = false;
    errorBox.hidden = true;
  }
  function clearMessages() { errorBox.hidden = true; noticeBox.hidden = true; }

  // ---- API ----------------------------------------------------------------

  const enc = encodeURIComponent;
  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }
  async function api(method, path, body) {
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch('/admin/api' + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (e) {
      throw new ApiError(0, `无法连接服务器：${e.message}`);
    }
    if (response.status === 204) return null;
    const raw = await response.text();
    let data = null;
    try { data = raw ? JSON.parse(raw) : null; } catch (e) { /* not JSON */ }
    if (!response.ok) {
      const message = data && data.error && data.error.message ? data.error.message : raw || response.statusText;
      if (response.status === 401 && path !== '/login') {
        sessionStorage.removeItem(TOKEN_KEY);
        sessionStorage.setItem(REASON_KEY, `${message}，请重新登录`);
        location.hash = '#/login';
      }
      throw new ApiError(response.status, `${message} (HTTP ${response.status})`);
    }
    return data;
  }
  // Runs an action from a button or form; shows its error, or a notice.
  async function act(fn, notice) {
    try {
      const result = await fn();
      if (notice) showNotice(notice);
      return result;
    } catch (e) {
      showError(e.message);
      return undefined;
    }
  }

  // ---- routes ---------------------------------------------------------------

  const routes = [
    [/^#\/login$/, loginPage],
    [/^#\/factories$/, factoriesPage],
    [/^#\/audit$/, (current) => auditPage(null, current)],
    [/^#\/admins$/, adminsPage],
    [/^#\/f\/([^/]+)$/, (f) => { location.replace('#/f/' + f + '/modules'); }],
    [/^#\/f\/([^/]+)\/modules$/, modulesPage],
    [/^#\/f\/([^/]+)\/config$/, configPage],
    [/^#\/f\/([^/]+)\/channels$/, channelsPage],
    [/^#\/f\/([^/]+)\/settings$/, settingsPage],
    [/^#\/f\/([^/]+)\/payments$/, paymentsPage],
    [/^#\/f\/([^/]+)\/payments\/([^/]+)$/, paymentPage],
    [/^#\/f\/([^/]+)\/users$/, usersPage],
    [/^#\/f\/([^/]+)\/users\/([^/]+)$/, userPage],
    [/^#\/f\/([^/]+)\/audit$/, (f, current) => auditPage(f, current)],
  ];

  async function route() {
    const id = ++renderId;
    clearMessages();
    const loggedIn = !!sessionStorage.getItem(TOKEN_KEY);
    document.getElementById('nav').hidden = !loggedIn;
    document.getElementById('who').textContent = loggedIn ? (sessionStorage.getItem(USER_KEY) || '') : '';
    const hash = location.hash || '#/factories';
    if (!loggedIn && hash !== '#/login') { location.replace('#/login'); return; }
    for (const [pattern, page] of routes) {
      const m = hash.split('?')[0].match(pattern);
      if (!m) continue;
      const args = m.slice(1).map(decodeURIComponent);
      try {
        await page(...args, () => id === renderId);
      } catch (e) {
        if (id === renderId) showError(e.message);
      }
      return;
    }
    show(el('h1', {}, '页面不存在'), el('p', {}, el('a', {href: '#/factories'}, '返回工厂列表')));
  }
  window.addEventListener('hashchange', route);
  document.getElementById('logout').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    location.hash = '#/login';
  });

  // ---- login ------------------------------------------------------------------

  function loginPage() {
    const username = el('input', {type: 'text', name: 'username', autocomplete: 'username', required: true});
    const password = el('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
    const token = el('input', {type: 'password', name: 'token', autocomplete: 'off', required: true});
    const login = el('form', {id: 'login-form', onsubmit: async (ev) => {
      ev.preventDefault();
      await act(async () => {
        const r = await api('POST', '/login', {username: username.value, password: password.value});
        sessionStorage.setItem(TOKEN_KEY, r.token);
        sessionStorage.setItem(USER_KEY, username.value);
        location.hash = '#/factories';
      });
    }},
    field('用户名', username), field('密码', password), el('button', {type: 'submit', class: 'primary'}, '登录'));
    const withToken = el('form', {id: 'token-form', onsubmit: async (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, token.value);
      sessionStorage.setItem(USER_KEY, 'admin.token');
      const ok = await act(() => api('GET', '/factories'));
      if (ok) location.hash = '#/factories';
      else sessionStorage.removeItem(TOKEN_KEY);
    }}, field('管理员令牌 (admin.token)', token), el('button', {type: 'submit'}, '使用令牌登录'));
    show(el('div', {class: 'login'},
      el('div', {class: 'card'}, el('h1', {}, '管理员登录'), login),
      el('details', {class: 'card'}, el('summary', {}, '使用配置中的管理员令牌'), withToken)));
    username.focus();
    const reason = sessionStorage.getItem(REASON_KEY);
    if (reason) { sessionStorage.removeItem(REASON_KEY); showError(reason); }
  }

  // ---- factories --------------------------------------------------------------

  async function factoriesPage(current) {
    const list = await api('GET', '/factories');
    if (!current()) return;
    const rows = list.map((f) => {
      const toggle = el('input', {type: 'checkbox', role: 'switch', checked: f.enabled, 'aria-label': `启用工厂 ${f.name}`});
      toggle.addEventListener('change', async () => {
        const want = toggle.checked;
        const r = await act(() => api('PUT', `/factories/${enc(f.name)}`, {enabled: want}),
          `工厂 ${f.name} 已${want ? '启用' : '停用'}`);
        if (!r) toggle.checked = !want;
      });
      return el('tr', {},
        el('td', {}, el('a', {href: `#/f/${enc(f.name)}/modules`}, f.name)),
        el('td', {}, f.title),
        el('td', {}, el('label', {class: 'switch'}, toggle)),
        el('td', {}, el('a', {href: `#/f/${enc(f.name)}/modules`}, '模块管理'), ' · ',
          el('a', {href: `#/f/${enc(f.name)}/config`}, '系统参数配置'), ' · ',
          el('a', {href: `#/f/${enc(f.name)}/payments`}, '支付记录')));
    });
    const name = el('input', {type: 'text', name: 'name', required: true, pattern: '[a-z0-9_-]+', placeholder: '英文标识，如 demo'});
    const title = el('input', {type: 'text', name: 'title', required: true, placeholder: '显示名称'});
    const create = el('form', {class: 'inline', onsubmit: async (ev) => {
      ev.preventDefault();
      const r = await act(() => api('POST', '/factories', {name: name.value, title: title.value}));
      if (r) { await factoriesPage(current); showNotice(`工厂 ${r.name} 已创建（所有模块默认关闭）`); }
    }}, field('标识', name), field('名称', title), el('button', {type: 'submit', class: 'primary'}, '创建工厂'));
    show(el('h1', {}, '工厂设置'), table(['工厂', '名称', '启用', '管理'], rows),
      el('h2', {}, '新建工厂'), el('div', {class: 'card'}, create));
  }

  function factoryFrame(factory, tab, ...content) {
    const tabs = [['modules', '模块管理'], ['config', '系统参数配置'], ['channels', '支付渠道'],
      ['settings', '模块设置'], ['payments', '支付记录'], ['users', '用户钱包'], ['audit', '审计日志']];
    show(el('p', {class: 'muted'}, el('a', {href: '#/factories'}, '工厂设置'), ' / ', factory),
      el('nav', {class: 'tabs'}, tabs.map(([t, label]) =>
        el('a', {href: `#/f/${enc(factory)}/${t}`, class: t === tab ? 'active' : ''}, label))),
      ...content);
  }

  // ---- modules (模块管理) -------------------------------------------------------

  async function modulesPage(factory, current) {
    const [modules, plugins] = await Promise.all([api('GET', `/factories/${enc(factory)}/modules`),
      api('GET', '/plugins')]);
    if (!current()) return;
    const cards = modules.map((m) => {
      const state = badge(m.enabled ? '已启用' : '未启用', m.enabled ? 'on' : 'off');
      const toggle = el('input', {type: 'checkbox', role: 'switch', checked: m.enabled, name: `module-${m.name}`,
        'aria-label': `启用 ${m.title}`});
      toggle.addEventListener('change', async () => {
        const want = toggle.checked;
        toggle.disabled = true;
        const r = await act(() => api('PUT', `/factories/${enc(factory)}/modules/${enc(m.name)}`, {enabled: want}),
          `${m.title} 已${want ? '启用' : '关闭'}`);
        toggle.disabled = false;
        if (!r) { toggle.checked = !want; return; }
        toggle.checked = r.enabled;
        state.textContent = r.enabled ? '已启用' : '未启用';
        state.className = 'badge ' + (r.enabled ? 'on' : 'off');
      });
      return el('section', {class: 'card module', 'data-module': m.name},
        el('div', {class: 'module-head'},
          el('div', {}, el('h3', {}, m.title), el('div', {class: 'muted mono'}, `${m.name} · v${m.version}`)),
          el('label', {class: 'switch'}, state, toggle)),
        el('ul', {}, (m.actionTypes || []).map((t) => el('li', {},
          `type ${t.code} ${t.title}`,
          t.params && t.params.length ? el('span', {class: 'muted'}, '：',
            t.params.map((p) => `${p.name}${p.required ? '*' : ''} (${p.type})`).join('，')) : null))),
        (m.adminRoutes || []).length ? el('p', {}, el('a', {href: `#/f/${enc(factory)}/settings`},
          m.name === 'sms' ? '短信设置' : '模块设置')) : null);
    });
    factoryFrame(factory, 'modules', el('h1', {}, '模块管理'),
      el('p', {class: 'muted'}, '新工厂的模块默认关闭；关闭的模块不能出现在 nextAction 中，其接口也不对该工厂开放。'),
      refusedPlugins(plugins.refused || []),
      el('div', {class: 'cards'}, cards));
  }

  // Plugin files paynextd refused at start-up (every factory is without them): the loader's reason for each.
  function refusedPlugins(refused) {
    if (!refused.length) return null;
    return el('section', {class: 'card refused', id: 'refused-plugins'},
      el('h2', {}, `未加载的插件（${refused.length}）`),
      el('p', {class: 'muted'}, '这些插件文件在启动时被拒绝，其模块不可用。修正后重启 paynextd 生效。'),
      table(['文件', '原因'], refused.map((r) => el('tr', {},
        el('td', {class: 'mono wrap'}, r.file), el('td', {class: 'wrap'}, r.reason)))));
  }

  // ---- system parameters (系统参数配置) ---------------------------------------------

  async function configPage(factory, current) {
    const entries = await api('GET', `/factories/${enc(factory)}/config?detail=1`);
    if (!current()) return;
    const reload = () => configPage(factory, current);
    const rows = entries.map(({key, value, private: hidden}) => {
      const input = el('input', {type: 'text', value, 'aria-label': `${key} 的值`});
      const mark = el('input', {type: 'checkbox', 'aria-label': `${key} 私密`});
      mark.checked = hidden;
      return el('tr', {'data-key': key},
        el('td', {class: 'mono'}, key),
        el('td', {}, input),
        el('td', {}, el('label', {}, mark, ' 私密')),
        el('td', {},
          el('button', {type: 'button', onclick: async () => {
            const body = {value: input.value, private: mark.checked};
            if (await act(() => api('PUT', `/factories/${enc(factory)}/config/${enc(key)}`, body))) {
              await reload(); showNotice(`系统参数 ${key} 已保存`);
            }
          }}, '保存'), ' ',
          el('button', {type: 'button', class: 'danger', onclick: async () => {
            if ((await act(() => api('DELETE', `/factories/${enc(factory)}/config/${enc(key)}`))) !== undefined) {
              await reload(); showNotice(`系统参数 ${key} 已删除`);
            }
          }}, '删除')));
    });
    const key = el('input', {type: 'text', name: 'key', required: true});
    const value = el('input', {type: 'text', name: 'value'});
    const hidden = el('input', {type: 'checkbox', name: 'private'});
    const add = el('form', {class: 'inline', id: 'config-form', onsubmit: async (ev) => {
      ev.preventDefault();
      const k = key.value.trim();
      const body = {value: value.value, private: hidden.checked};
      if (await act(() => api('PUT', `/factories/${enc(factory)}/config/${enc(k)}`, body))) {
        await reload(); showNotice(`系统参数 ${k} 已保存`);
      }
    }}, field('参数名', key), field('值', value), field('私密', hidden),
      el('button', {type: 'submit', class: 'primary'}, '保存参数'));
    factoryFrame(factory, 'config', el('h1', {}, '系统参数配置'),
      el('p', {class: 'muted'}, 'nextAction 中的 {from:"config", key:"K"} 在步骤执行时取这里的值。' +
        '私密参数只用于步骤,不会由 /config/value(s) 返回给客户端。'),
      table(['参数名', '值', '私密', ''], rows), el('h2', {}, '新增或修改'), el('div', {class: 'card'}, add));
  }

  // ---- channels -----------------------------------------------------------------

  async function channelsPage(factory, current) {
    const channels = await api('GET', `/factories/${enc(factory)}/channels`);
    if (!current()) return;
    const shown = (c) => (c ? kv(Object.entries(c).map(([k, v]) =>
      [k, typeof v === 'boolean' && k.endsWith('Set') ? (v ? '已设置' : '未设置') : text(v)])) : el('p', {class: 'muted'}, '未配置'));
    const form = (channel, fields) => {
      const inputs = {};
      const body = fields.map(([name, label, kind, options]) => {
        let input;
        if (kind === 'select') input = el('select', {name}, options.map((o) => el('option', {value: o}, o)));
        else if (kind === 'textarea') input = el('textarea', {name, placeholder: '-----BEGIN ...-----'});
        else input = el('input', {type: kind, name, autocomplete: 'off'});
        const stored = channels[channel];
        if (stored && kind !== 'password' && kind !== 'textarea' && stored[name] !== undefined) input.value = stored[name];
        if (stored && name === 'alipayPublicKey' && stored[name]) input.value = stored[name];
        inputs[name] = input;
        return field(label, input);
      });
      return el('form', {onsubmit: async (ev) => {
        ev.preventDefault();
        const payload = {};
        for (const [k, input] of Object.entries(inputs)) payload[k] = input.value;
        if (await act(() => api('PUT', `/factories/${enc(factory)}/channels/${channel}`, payload))) {
          await channelsPage(factory, current); showNotice(`${channel} 渠道已保存`);
        }
      }}, el('div', {class: 'filters'}, body), el('p', {}, el('button', {type: 'submit', class: 'primary'}, '保存')));
    };
    factoryFrame(factory, 'channels', el('h1', {}, '支付渠道'),
      el('p', {class: 'muted'}, '密钥只写不读：保存时需要重新填写。'),
      el('section', {class: 'card'}, el('h2', {}, '微信支付 (wxpay)'), shown(channels.wxpay),
        el('h3', {}, '修改'), form('wxpay', [['appId', 'appId', 'text'], ['mchId', 'mchId', 'text'],
          ['apiKey', 'apiKey', 'password'], ['signType', 'signType', 'select', ['MD5', 'HMAC-SHA256']],
          ['gatewayUrl', 'gatewayUrl', 'text']])),
      el('section', {class: 'card'}, el('h2', {}, '支付宝 (alipay)'), shown(channels.alipay),
        el('h3', {}, '修改'), form('alipay', [['appId', 'appId', 'text'], ['privateKey', '应用私钥 privateKey', 'textarea'],
          ['alipayPublicKey', '支付宝公钥 alipayPublicKey', 'textarea'], ['gatewayUrl', 'gatewayUrl', 'text']])));
  }

  // ---- module settings (模块设置, e.g. 短信设置) ------------------------------------------

  // Known request bodies for module admin routes; others start from {}.
  const WRITE_LABELS = {POST: '新增', PUT: '保存', DELETE: '删除'};
  const bodyTemplates = {
    'sms POST /settings': {kind: 'normal', providerUrl: 'http://', signName: '', templateCode: ''},
  };

  function generic(data) {
    if (Array.isArray(data)) {
      if (!data.length) return el('p', {class: 'muted'}, '没有数据');
      const keys = [...new Set(data.flatMap((row) => (row && typeof row === 'object' ? Object.keys(row) : ['value'])))];
      return table(keys, data.map((row) => el('tr', {}, keys.map((k) =>
        el('td', {}, text(row && typeof row === 'object' ? row[k] : row))))));
    }
    if (data && typeof data === 'object') return kv(Object.entries(data).map(([k, v]) => [k, text(v)]));
    return el('p', {}, text(data));
  }

  async function settingsPage(factory, current) {
    const modules = await api('GET', `/factories/${enc(factory)}/modules`);
    if (!current()) return;
    const withRoutes = modules.filter((m) => (m.adminRoutes || []).length);
    const sections = [];
    for (const m of withRoutes) {
      const paths = [...new Set(m.adminRoutes.map((r) => r.path))];
      for (const path of paths) {
        const url = `/factories/${enc(factory)}/modules/${enc(m.name)}${path}`;
        const methods = m.adminRoutes.filter((r) => r.path === path).map((r) => r.method);
        const canGet = methods.includes('GET') || methods.includes('*');
        // One form per way the module lets admins write this resource.
        const writes = methods.includes('*') ? ['POST'] : ['POST', 'PUT', 'DELETE'].filter((w) => methods.includes(w));
        const view = el('div', {}, canGet ? el('p', {class: 'muted'}, '加载中…') : null);
        const load = async () => {
          if (!canGet) return;
          try { view.replaceChildren(generic(await api('GET', url))); } catch (e) {
            view.replaceChildren(el('p', {class: 'error'}, e.message));
          }
        };
        const writeForms = writes.map((method) => {
          const body = el('textarea', {name: 'body', class: 'mono', 'aria-label': `${m.name}${path} ${method} 请求内容 (JSON)`},
            JSON.stringify(bodyTemplates[`${m.name} ${method} ${path}`] || {}, null, 2));
          return el('form', {onsubmit: async (ev) => {
            ev.preventDefault();
            let payload;
            try { payload = JSON.parse(body.value); } catch (e) { showError(`请求内容不是合法的 JSON：${e.message}`); return; }
            // DELETE names what to delete in the query string, as module routes read it.
            const call = method === 'DELETE' ? () => api('DELETE', `${url}?${new URLSearchParams(payload)}`)
                                             : () => api(method, url, payload);
            if (await act(call, method === 'DELETE' ? '已删除' : '已保存')) await load();
          }}, field(`${WRITE_LABELS[method]} (JSON)`, body),
          el('p', {}, el('button', {type: 'submit', class: method === 'DELETE' ? '' : 'primary'}, WRITE_LABELS[method])));
        });
        sections.push(el('section', {class: 'card', 'data-module': m.name},
          // The module names its own resources (Route::title); the console knows no module.
          el('h2', {}, (m.adminRoutes.find((r) => r.path === path && r.title) || {}).title || `${m.title} ${path}`),
          el('p', {class: 'muted mono'}, `${methods.join('/')} /admin/api${url}`),
          m.enabled ? null : el('p', {class: 'muted'}, `提示：${m.title} 尚未在本工厂启用（见 模块管理）。`),
          view, ...writeForms));
        load();
      }
    }
    factoryFrame(factory, 'settings', el('h1', {}, '模块设置'),
      sections.length ? sections : el('p', {class: 'muted'}, '已加载的模块没有管理接口。'));
  }

  // ---- payments ---------------------------------------------------------------------

  const PAGE = 50;
  async function paymentsPage(factory, current) {
    const q = new URLSearchParams(location.hash.split('?')[1] || '');
    const input = (name, attrs) => el('input', Object.assign({name, value: q.get(name) || ''}, attrs));
    const status = el('select', {name: 'status'}, ['', 'CREATED', 'PAID', 'CLOSED'].map((s) =>
      el('option', {value: s}, s || '全部')));
    status.value = q.get('status') || '';
    const channel = el('select', {name: 'channel'}, ['', 'wxpay', 'alipay', 'points'].map((s) => el('option', {value: s}, s || '全部')));
    channel.value = q.get('channel') || '';
    const user = input('user', {type: 'number', min: 1});
    const outTradeId = input('outTradeId', {type: 'text'});
    const toLocal = (ms) => (ms ? new Date(Number(ms) - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '');
    const from = el('input', {type: 'datetime-local', name: 'from', value: toLocal(q.get('from'))});
    const to = el('input', {type: 'datetime-local', name: 'to', value: toLocal(q.get('to'))});
    const offset = Number(q.get('offset') || 0);
    const query = (newOffset) => {
      const p = new URLSearchParams();
      if (status.value) p.set('status', status.value);
      if (channel.value) p.set('channel', channel.value);
      if (user.value) p.set('user', user.value);
      if (outTradeId.value.trim()) p.set('outTradeId', outTradeId.value.trim());
      if (from.value) p.set('from', String(new Date(from.value).getTime()));
      if (to.value) p.set('to', String(new Date(to.value).getTime()));
      if (newOffset) p.set('offset', String(newOffset));
      return p;
    };
    const go = (newOffset) => { location.hash = `#/f/${enc(factory)}/payments?${query(newOffset)}`; };
    const filters = el('form', {class: 'filters', id: 'payment-filters', onsubmit: (ev) => { ev.preventDefault(); go(0); }},
      field('状态', status), field('渠道', channel), field('用户 ID', user), field('商户订单号', outTradeId),
      field('创建时间从', from), field('到', to), el('button', {type: 'submit', class: 'primary'}, '查询'));
    const apiQuery = query(offset);
    apiQuery.set('limit', String(PAGE));
    const list = await api('GET', `/factories/${enc(factory)}/payments?${apiQuery}`);
    if (!current()) return;
    const rows = list.map((p) => el('tr', {'data-out-trade-id': p.outTradeId},
      el('td', {class: 'mono'}, el('a', {href: `#/f/${enc(factory)}/payments/${enc(p.outTradeId)}`}, p.outTradeId)),
      el('td', {}, text(p.userId)), el('td', {}, text(p.channel)), el('td', {class: 'num'}, yuan(p.amount)),
      el('td', {}, badge(p.status)), el('td', {}, text(p.payName)), el('td', {}, time(p.createdAt)),
      el('td', {}, time(p.paidAt))));
    factoryFrame(factory, 'payments', el('h1', {}, '支付记录'), el('div', {class: 'card'}, filters),
      table(['商户订单号', '用户', '渠道', '金额', '状态', '名称', '创建时间', '支付时间'], rows),
      el('div', {class: 'pager'},
        el('button', {type: 'button', disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE))}, '上一页'),
        el('span', {class: 'muted'}, list.length ? `第 ${offset + 1}–${offset + list.length} 条` : '没有更多结果'),
        el('button', {type: 'button', disabled: list.length < PAGE, onclick: () => go(offset + PAGE)}, '下一页')));
  }

  const BUSY = ['PENDING', 'RUNNING', 'RETRY'];
  // Steps still to run or refunds the channel has not answered yet.
  const unsettled = (p) => p.steps.some((s) => BUSY.includes(s.status)) ||
    (p.refunds || []).some((r) => r.status === 'PROCESSING');
  async function paymentPage(factory, out, current) {
    const url = `/factories/${enc(factory)}/payments/${enc(out)}`;
    const p = await api('GET', url);
    if (!current()) return;
    renderPayment(factory, p, current);
    // Follow them for a while.
    if (unsettled(p)) follow(factory, out, current);
  }

  async function follow(factory, out, current) {
    const url = `/factories/${enc(factory)}/payments/${enc(out)}`;
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline && current()) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      if (!current()) return;
      let p;
      try { p = await api('GET', url); } catch (e) { showError(e.message); return; }
      if (!current()) return;
      renderPayment(factory, p, current, true);
      if (!unsettled(p)) return;
    }
  }

  function renderPayment(factory, p, current, keepMessages) {
    const url = `/factories/${enc(factory)}/payments/${enc(p.outTradeId)}`;
    const failed = p.steps.some((s) => s.status === 'FAILED');
    const retry = el('button', {type: 'button', class: 'primary', id: 'retry', disabled: !failed, onclick: async () => {
      retry.disabled = true;
      const r = await act(() => api('POST', url + '/retry', {}), '已重新排队失败的步骤');
      if (r) { renderPayment(factory, r, current, true); follow(factory, p.outTradeId, current); }
      else retry.disabled = false;
    }}, '重试失败步骤');
    const close = el('button', {type: 'button', class: 'danger', id: 'close', disabled: p.status !== 'CREATED', onclick: async () => {
      const r = await act(() => api('POST', url + '/close', {}), '支付已关闭');
      if (r) renderPayment(factory, r, current, true);
    }}, '关闭支付');
    const refresh = el('button', {type: 'button', onclick: () => paymentPage(factory, p.outTradeId, current)}, '刷新');
    const steps = p.steps.map((s) => el('li', {class: s.status, 'data-seq': s.seq},
      el('div', {class: 'card'},
        el('div', {class: 'module-head'}, el('h3', {}, `#${s.seq} type ${s.type} · ${text(s.module)}`),
          el('span', {class: 'step-status'}, badge(s.status))),
        kv([['尝试次数', text(s.attempts)], ['最近错误', text(s.lastError)],
          ['结果', el('pre', {}, jsonText(s.result))], ['参数', el('pre', {}, jsonText(s.params))],
          ['幂等键', el('span', {class: 'mono'}, text(s.idempotencyKey))], ['创建', time(s.createdAt)],
          ['更新', time(s.updatedAt)], ['下次执行', time(s.nextRunAt)]]))));
    const messages = [errorBox.hidden, noticeBox.hidden];
    factoryFrame(factory, 'payments',
      el('p', {}, el('a', {href: `#/f/${enc(factory)}/payments`}, '← 支付记录')),
      el('h1', {}, '支付 ', el('span', {class: 'mono'}, p.outTradeId), ' ', el('span', {id: 'payment-status'}, badge(p.status))),
      el('div', {class: 'card'}, kv([['用户 ID', el('a', {href: `#/f/${enc(factory)}/users/${enc(p.userId)}`}, text(p.userId))],
        ['渠道', text(p.channel)], ['金额', yuan(p.amount)],
        ['名称', text(p.payName)], ['备注', text(p.remark)], ['渠道交易号', text(p.channelTradeNo)],
        ['创建时间', time(p.createdAt)], ['支付时间', time(p.paidAt)],
        ['nextAction', el('pre', {}, jsonText(p.nextAction))]])),
      el('div', {class: 'actions'}, retry, close, refresh),
      el('h2', {}, '退款'),
      table(['退款单号', '金额', '积分', '状态', '原因', '失败原因', '操作人', '时间'], (p.refunds || []).map((r) =>
        el('tr', {'data-refund-no': r.refundNo}, el('td', {class: 'mono'}, r.refundNo), el('td', {class: 'num'}, yuan(r.amount)),
          el('td', {class: 'num'}, text(r.points)), el('td', {}, badge(r.status)), el('td', {class: 'wrap'}, text(r.reason)),
          el('td', {class: 'wrap'}, text(r.failure)), el('td', {}, text(r.actor)), el('td', {}, time(r.createdAt))))),
      p.status === 'PAID' ? refundForm(factory, p, current) : null,
      el('h2', {}, '执行链'),
      steps.length ? el('ol', {class: 'timeline', id: 'timeline'}, steps) : el('p', {class: 'muted'}, '没有 nextAction 步骤'),
      el('h2', {}, '渠道通知'),
      table(['结果', '详情', '时间', '重复'], p.notifications.map((n) =>
        el('tr', {}, el('td', {}, text(n.outcome)), el('td', {class: 'mono wrap'}, text(n.detail)), el('td', {}, time(n.createdAt)),
          el('td', {}, n.repeats > 0 ? `${n.repeats} 次,最后 ${time(n.lastAt)}` : '')))),
      el('h2', {}, '钱包流水'),
      table(['币种', '金额', '余额', '原因', '关联', '来源', '时间'], p.ledger.map((l) => el('tr', {},
        el('td', {}, text(l.currency)), el('td', {class: 'num'}, l.currency === 'points' ? text(l.amount) : yuan(l.amount)),
        el('td', {class: 'num'}, l.currency === 'points' ? text(l.balanceAfter) : yuan(l.balanceAfter)),
        el('td', {}, text(l.reason)), el('td', {}, text(l.reference)), el('td', {class: 'mono'}, text(l.origin)),
        el('td', {}, time(l.createdAt))))));
    if (keepMessages) { errorBox.hidden = messages[0]; noticeBox.hidden = messages[1]; }
  }

  // 退款 of a paid payment: the amount typed in yuan goes to the API in fen.
  function refundForm(factory, p, current) {
    const amount = el('input', {type: 'text', name: 'amount', required: true, inputmode: 'decimal', placeholder: '如 1.00',
      autocomplete: 'off'});
    const points = el('input', {type: 'number', name: 'points', min: 0, step: 1});
    const reason = el('input', {type: 'text', name: 'reason', required: true, maxlength: 80});
    const refundNo = el('input', {type: 'text', name: 'refundNo', maxlength: 64, autocomplete: 'off'});
    const form = el('form', {class: 'inline', id: 'refund-form', onsubmit: async (ev) => {
      ev.preventDefault();
      const fen = fenOf(amount.value);
      if (fen === null) { showError('退款金额应为元，最多两位小数，如 1.00'); return; }
      const body = {amount: fen, reason: reason.value};
      if (points.value) body.points = Number(points.value);
      if (refundNo.value.trim()) body.refundNo = refundNo.value.trim();
      const r = await act(() => api('POST', `/factories/${enc(factory)}/payments/${enc(p.outTradeId)}/refunds`, body));
      if (r) { await paymentPage(factory, p.outTradeId, current); showNotice(`已提交退款 ${r.refundNo}：${yuan(r.amount)}（${r.status}）`); }
    }}, field('退款金额（元）', amount), field('退回积分', points), field('原因', reason), field('退款单号（可选）', refundNo),
    el('button', {type: 'submit', class: 'danger'}, '退款'));
    return el('div', {class: 'card'},
      el('p', {class: 'muted'}, '先从用户钱包扣回，再由支付渠道原路退回；渠道拒绝时钱款回到钱包。同一退款单号只退一次。'), form);
  }

  // ---- users (用户钱包): look-up, wallet, ledger and adjustments ----------------------------

  async function usersPage(factory, current) {
    const q = new URLSearchParams(location.hash.split('?')[1] || '');
    const mobile = el('input', {type: 'text', name: 'mobile', value: q.get('mobile') || '', inputmode: 'numeric'});
    const id = el('input', {type: 'number', name: 'id', min: 1});
    const offset = Number(q.get('offset') || 0);
    const go = (newOffset) => {
      const p = new URLSearchParams();
      if (mobile.value.trim()) p.set('mobile', mobile.value.trim());
      if (newOffset) p.set('offset', String(newOffset));
      location.hash = `#/f/${enc(factory)}/users?${p}`;
    };
    const search = el('form', {class: 'filters', id: 'user-search', onsubmit: (ev) => {
      ev.preventDefault();
      if (id.value) location.hash = `#/f/${enc(factory)}/users/${enc(id.value)}`;
      else go(0);
    }}, field('手机号', mobile), field('用户 ID', id), el('button', {type: 'submit', class: 'primary'}, '查找'));
    const apiQuery = new URLSearchParams({limit: String(PAGE), offset: String(offset)});
    if (q.get('mobile')) apiQuery.set('mobile', q.get('mobile'));
    const list = await api('GET', `/factories/${enc(factory)}/users?${apiQuery}`);
    if (!current()) return;
    const rows = list.map((u) => el('tr', {'data-user-id': u.id},
      el('td', {}, el('a', {href: `#/f/${enc(factory)}/users/${enc(u.id)}`}, text(u.id))),
      el('td', {class: 'mono'}, text(u.mobile)), el('td', {}, text(u.nick)), el('td', {class: 'num'}, yuan(u.balance)),
      el('td', {class: 'num'}, yuan(u.frozen)), el('td', {class: 'num'}, text(u.points)), el('td', {}, time(u.createdAt))));
    factoryFrame(factory, 'users', el('h1', {}, '用户钱包'), el('div', {class: 'card'}, search),
      table(['用户 ID', '手机号', '昵称', '余额', '冻结', '积分', '注册时间'], rows),
      el('div', {class: 'pager'},
        el('button', {type: 'button', disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE))}, '上一页'),
        el('span', {class: 'muted'}, list.length ? `第 ${offset + 1}–${offset + list.length} 条` : '没有更多结果'),
        el('button', {type: 'button', disabled: list.length < PAGE, onclick: () => go(offset + PAGE)}, '下一页')));
  }

  async function userPage(factory, id, current) {
    const u = await api('GET', `/factories/${enc(factory)}/users/${enc(id)}?limit=100`);
    if (!current()) return;
    const w = u.wallet || {};
    const balance = el('input', {type: 'text', name: 'balance', placeholder: '+12.50 或 -3', autocomplete: 'off'});
    const points = el('input', {type: 'text', name: 'points', placeholder: '+10 或 -10', autocomplete: 'off'});
    const reason = el('input', {type: 'text', name: 'reason', required: true, maxlength: 255});
    const adjust = el('form', {class: 'inline', id: 'adjust-form', onsubmit: async (ev) => {
      ev.preventDefault();
      // Sent as typed: the server parses the amounts exactly and words every refusal.
      const body = {reason: reason.value};
      if (balance.value.trim()) body.balance = balance.value.trim();
      if (points.value.trim()) body.points = points.value.trim();
      const r = await act(() => api('POST', `/factories/${enc(factory)}/users/${enc(id)}/adjustments`, body));
      if (r) { await userPage(factory, id, current); showNotice(`已调整（${r.reference}）：余额 ${yuan(r.wallet.balance)}，积分 ${r.wallet.points}`); }
    }}, field('余额（元，带 + 或 - 号）', balance), field('积分（带 + 或 - 号）', points), field('原因', reason),
    el('button', {type: 'submit', class: 'primary'}, '调整'));
    factoryFrame(factory, 'users',
      el('p', {}, el('a', {href: `#/f/${enc(factory)}/users`}, '← 用户钱包')),
      el('h1', {}, `用户 ${text(u.id)} · ${text(u.mobile)}`),
      el('div', {class: 'card', id: 'wallet'}, kv([['昵称', text(u.nick)], ['注册时间', time(u.createdAt)],
        ['余额', yuan(w.balance)], ['冻结', yuan(w.frozen)], ['积分', text(w.points)], ['累计消费', yuan(w.totalConsumed)]])),
      el('h2', {}, '调整余额或积分'),
      el('div', {class: 'card'}, el('p', {class: 'muted'}, '正数增加、负数扣减；不能扣到零以下。每次调整记入钱包流水和审计日志。'), adjust),
      el('h2', {}, '钱包流水'),
      table(['时间', '币种', '金额', '之后', '原因', '关联'], u.ledger.map((l) => el('tr', {},
        el('td', {}, time(l.createdAt)), el('td', {}, text(l.currency)),
        el('td', {class: 'num'}, l.currency === 'points' ? text(l.amount) : yuan(l.amount)),
        el('td', {class: 'num'}, l.currency === 'points' ? text(l.balanceAfter) : yuan(l.balanceAfter)),
        el('td', {}, text(l.reason)),
        el('td', {class: 'mono'}, l.origin && l.origin.startsWith('pay:')
          ? el('a', {href: `#/f/${enc(factory)}/payments/${enc(l.origin.slice(4))}`}, text(l.reference)) : text(l.reference))))));
  }

  // ---- audit log and admins -------------------------------------------------------------

  async function auditPage(factory, current) {
    const limit = new URLSearchParams(location.hash.split('?')[1] || '').get('limit') || '100';
    const q = new URLSearchParams({limit});
    if (factory) q.set('factory', factory);
    const entries = await api('GET', `/audit?${q}`);
    if (!current()) return;
    const rows = entries.map((e) => el('tr', {},
      el('td', {}, time(e.at)), el('td', {}, text(e.actor)), el('td', {class: 'mono'}, text(e.action)),
      el('td', {}, text(e.target)), el('td', {}, el('pre', {}, text(e.before))), el('td', {}, el('pre', {}, text(e.after))),
      factory ? null : el('td', {}, text(e.factoryId))));
    const headers = ['时间', '操作人', '操作', '对象', '之前', '之后'].concat(factory ? [] : ['工厂 ID']);
    const content = [el('h1', {}, '审计日志'), el('p', {class: 'muted'}, `最近 ${limit} 条管理操作，最新的在前。`),
      table(headers, rows)];
    if (factory) factoryFrame(factory, 'audit', ...content);
    else show(...content);
  }

  async function adminsPage(current) {
    const admins = await api('GET', '/admins');
    if (!current()) return;
    const rows = admins.map((a) => el('tr', {}, el('td', {}, text(a.id)), el('td', {}, text(a.username)),
      el('td', {}, a.role === 'platform' ? '平台管理员' : '工厂管理员'), el('td', {}, text(a.factoryId || ''))));
    const username = el('input', {type: 'text', name: 'username', required: true, autocomplete: 'off'});
    const password = el('input', {type: 'password', name: 'password', required: true, autocomplete: 'new-password'});
    const role = el('select', {name: 'role'}, el('option', {value: 'platform'}, '平台管理员 (所有工厂)'),
      el('option', {value: 'factory'}, '工厂管理员'));
    const factory = el('input', {type: 'text', name: 'factory', placeholder: '工厂管理员所属工厂'});
    const form = el('form', {class: 'inline', onsubmit: async (ev) => {
      ev.preventDefault();
      const body = {username: username.value, password: password.value, role: role.value};
      if (role.value === 'factory') body.factory = factory.value;
      const r = await act(() => api('POST', '/admins', body));
      if (r) { showNotice(`管理员 ${r.username} 已创建 (${r.role})`); password.value = ''; }
    }}, field('用户名', username), field('密码', password), field('角色', role), field('工厂', factory),
    el('button', {type: 'submit', class: 'primary'}, '创建管理员'));
    show(el('h1', {}, '管理员'), el('p', {class: 'muted'}, '只有平台管理员能创建账号；工厂管理员只能看到和修改自己的工厂。'),
      table(['ID', '用户名', '角色', '工厂 ID'], rows), el('div', {class: 'card'}, form));
  }

  route();
})();
