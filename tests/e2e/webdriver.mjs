// A small W3C WebDriver client over fetch, and a harness that starts WebKitWebDriver with the
// real Gaoku binary on a given library. Needs a display (run under xvfb-run).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const appBinary = process.env.GAOKU_APP_BINARY ?? resolve(repo, "target/debug/gaoku-app");
export const cliBinary = process.env.GAOKU_CLI_BINARY ?? resolve(repo, "target/debug/gaoku");
export const screenshotDir = resolve(repo, "tests/e2e/screenshots");

/** Waits `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || (json.value && json.value.error)) {
    throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
  }
  return json.value;
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** PIDs of the app processes running on `library`. */
export function appPids(library) {
  const pids = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readlinkSync(`/proc/${d}/exe`) !== appBinary) continue;
      if (readFileSync(`/proc/${d}/environ`, "latin1").split("\0").includes(`GAOKU_LIBRARY=${library}`)) pids.push(Number(d));
    } catch {
      /* exited, or not ours to read */
    }
  }
  return pids;
}

/**
 * Makes sure the app on `library` has ended after a session: WebKitWebDriver closes its window,
 * but a window whose page it already blanked cannot answer the close (the page saves before
 * closing), and an app left running would take the next launch on the library for itself. Such an
 * app gets SIGTERM, as a logout sends it (it ends within 4 s), then SIGKILL.
 */
async function endApp(library) {
  const alive = () => appPids(library).length > 0;
  for (let i = 0; i < 30 && alive(); i++) await sleep(100);
  for (const [signal, wait] of [["SIGTERM", 60], ["SIGKILL", 20]]) {
    if (!alive()) return;
    for (const pid of appPids(library)) {
      try {
        process.kill(pid, signal);
      } catch {
        /* gone meanwhile */
      }
    }
    for (let i = 0; i < wait && alive(); i++) await sleep(100);
  }
}

/**
 * Starts WebKitWebDriver and a session running the app with GAOKU_LIBRARY=library; `extraEnv`
 * is added to the app's environment (an input method's variables, for example), `args` to its
 * command line (a file to open).
 */
export async function startApp(library, { extraEnv = {}, args = [], port = 4444 + Math.floor(Math.random() * 500) } = {}) {
  // Window state and the webview's storage (language, pace) are kept per library, not shared
  // between tests: the app's config and data folders live in the library folder.
  const env = {
    ...process.env,
    GAOKU_LIBRARY: library,
    XDG_CONFIG_HOME: join(library, ".config"),
    XDG_DATA_HOME: join(library, ".data"),
    XDG_CACHE_HOME: join(library, ".cache"),
    TAURI_WEBVIEW_AUTOMATION: "true",
    ...extraEnv,
  };
  const driver = spawn("WebKitWebDriver", [`--port=${port}`], { env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(base + "/status");
      break;
    } catch (e) {
      if (i > 100) throw new Error("WebKitWebDriver did not start: " + e);
      await sleep(100);
    }
  }
  const session = await call(base, "POST", "/session", {
    capabilities: {
      alwaysMatch: { "webkitgtk:browserOptions": { binary: appBinary, args } },
    },
  });
  const s = `/session/${session.sessionId}`;
  const app = {
    find: async (css) => (await call(base, "POST", `${s}/element`, { using: "css selector", value: css }))[ELEMENT],
    findAll: async (css) =>
      (await call(base, "POST", `${s}/elements`, { using: "css selector", value: css })).map((e) => e[ELEMENT]),
    text: (el) => call(base, "GET", `${s}/element/${el}/text`),
    click: (el) => call(base, "POST", `${s}/element/${el}/click`, {}),
    type: (el, text) => call(base, "POST", `${s}/element/${el}/value`, { text }),
    /** Presses a key with Control held (e.g. "p" for Ctrl+P). */
    ctrl: (key) =>
      call(base, "POST", `${s}/actions`, {
        actions: [
          {
            type: "key",
            id: "keyboard",
            actions: [
              { type: "keyDown", value: "\uE009" },
              { type: "keyDown", value: key },
              { type: "keyUp", value: key },
              { type: "keyUp", value: "\uE009" },
            ],
          },
        ],
      }),
    clear: (el) => call(base, "POST", `${s}/element/${el}/clear`, {}),
    /**
     * Types text into the draft editor the way an input method commits it: a composition, then
     * the committed text inserted through the browser's editing path (beforeinput/input and a DOM
     * change CodeMirror reads back). WebKitWebDriver cannot synthesize key events for Han
     * characters; tests/e2e/autosave.test.mjs types through a real input method instead.
     */
    imeType: (text) =>
      call(base, "POST", `${s}/execute/sync`, {
        script: `const c = document.querySelector('#editor .cm-content');
          c.focus();
          c.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
          document.execCommand('insertText', false, arguments[0]);
          c.dispatchEvent(new CompositionEvent('compositionend', { data: arguments[0] }));`,
        args: [text],
      }),
    /** Moves the mouse over the element's centre (hover tooltips). */
    hover: (el) =>
      call(base, "POST", `${s}/actions`, {
        actions: [
          {
            type: "pointer",
            id: "mouse",
            parameters: { pointerType: "mouse" },
            actions: [{ type: "pointerMove", duration: 0, origin: { [ELEMENT]: el }, x: 0, y: 0 }],
          },
        ],
      }),
    exec: (script, args = []) => call(base, "POST", `${s}/execute/sync`, { script, args }),
    /** The element's top and bottom, and the window's height, in CSS pixels. */
    rect: (el) =>
      call(base, "POST", `${s}/execute/sync`, {
        script: "const r = arguments[0].getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: window.innerHeight };",
        args: [{ [ELEMENT]: el }],
      }),
    /**
     * Runs `script` in the page until its result satisfies `ok` or `timeoutMs` passes; returns the
     * last result (`null` when the script could not run, for example once the window is gone).
     */
    async poll(script, ok, timeoutMs = 10000) {
      const end = Date.now() + timeoutMs;
      let last = null;
      while (Date.now() < end) {
        last = await app.exec(script).catch(() => null);
        if (ok(last)) break;
        await sleep(100);
      }
      return last;
    },
    /** Waits until `css` matches and its text satisfies `ok`; returns the element. */
    async waitFor(css, ok = () => true, timeoutMs = 10000) {
      const end = Date.now() + timeoutMs;
      let last = "";
      while (Date.now() < end) {
        try {
          const el = await app.find(css);
          last = await app.text(el);
          if (ok(last)) return el;
        } catch {
          /* not there yet */
        }
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${css} (last text: ${last.slice(0, 200)})`);
    },
    /**
     * Waits for the first screen (the sample speech), opens a new blank draft and puts the cursor
     * in its editor; returns the editor's content element.
     */
    async newDraft() {
      await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
      await app.click(await app.find("#tab-drafts"));
      await app.click(await app.waitFor("#draft-new"));
      // The editor exists (hidden) before any draft is open: wait until the new one is shown.
      const shown = await app.poll(
        "const w = document.getElementById('writer'); return !!w && !w.hidden && w.offsetParent !== null && document.getElementById('save-state').textContent.startsWith('已保存');",
        (ok) => ok === true,
      );
      if (!shown) throw new Error("the new draft did not open");
      const content = await app.find("#editor .cm-content");
      await app.click(content);
      return content;
    },
    /**
     * Answers the native file dialog titled `title` (a GTK file chooser, opened by the page) with
     * `path`, typed into its location bar (the name field of a save dialog) with real X key
     * events as a user would; Return accepts.
     */
    async chooseFile(title, path) {
      const x = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();
      const id = x("search", "--sync", "--onlyvisible", "--name", title).split("\n")[0];
      // A window just mapped may not take the focus yet.
      for (let i = 0; ; i++) {
        try {
          x("windowfocus", "--sync", id);
          break;
        } catch (e) {
          if (i > 20) throw e;
          await sleep(200);
        }
      }
      await sleep(300);
      // Open the location bar first: keys typed while it opens are lost.
      x("key", "ctrl+l");
      await sleep(400);
      x("key", "ctrl+a");
      x("type", "--delay", "20", path);
      await sleep(300);
      x("key", "Return");
    },
    async screenshot(name) {
      // Let the last change paint first: WebKit's snapshot can lag the DOM by a frame or two.
      await call(base, "POST", `${s}/execute/sync`, {
        script: "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250))));",
        args: [],
      });
      const png = await call(base, "GET", `${s}/screenshot`);
      mkdirSync(screenshotDir, { recursive: true });
      writeFileSync(resolve(screenshotDir, name), Buffer.from(png, "base64"));
    },
    async quit() {
      try {
        await call(base, "DELETE", s);
      } finally {
        driver.kill("SIGTERM");
        await endApp(library);
      }
    },
  };
  return app;
}
