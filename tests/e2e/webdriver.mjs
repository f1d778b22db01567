// A small W3C WebDriver client over fetch, enough to drive the app through tauri-driver.
// No dependencies: the protocol is a handful of JSON requests.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async cmd(method, path, body) {
    const url = this.session && !path.startsWith('/session') ? `${this.base}/session/${this.session}${path}` : `${this.base}${path}`;
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
    return json.value;
  }

  async start(application, args = []) {
    const value = await this.cmd('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    this.session = value.sessionId;
  }

  async quit() {
    if (this.session) {
      await this.cmd('DELETE', `/session/${this.session}`).catch(() => {});
      this.session = null;
    }
  }

  async findAll(css) {
    const found = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return found.map((e) => e[ELEMENT]);
  }

  async find(css) {
    const found = await this.findAll(css);
    if (found.length === 0) throw new Error(`no element matches ${css}`);
    return found[0];
  }

  /**
   * The element's rendered text. WebKitWebDriver's element-text command answered "" for
   * list rows that the window plainly showed, so this reads innerText, which likewise
   * leaves out what is not rendered.
   */
  text(el) {
    return this.exec('return arguments[0].innerText;', [{ [ELEMENT]: el }]);
  }

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  type(el, text) {
    return this.cmd('POST', `/element/${el}/value`, { text });
  }

  clear(el) {
    return this.cmd('POST', `/element/${el}/clear`, {});
  }

  exec(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  execAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  /** Polls `probe` until it returns a truthy value, or fails with `what` after `ms`. */
  async waitFor(what, probe, ms = 15000) {
    const until = Date.now() + ms;
    let last;
    while (Date.now() < until) {
      try {
        last = await probe();
        if (last) return last;
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
  }
}
